<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Centralites</name>
    <message>
        <location filename="../../processing/styling.py" line="63"/>
        <location filename="../../processing/styling.py" line="68"/>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="42"/>
        <source>&amp;Centralités</source>
        <translation>&amp;Centralités</translation>
    </message>
    <message>
        <location filename="../../processing/base.py" line="37"/>
        <source>1 — Data</source>
        <translation>1 — Données</translation>
    </message>
    <message>
        <location filename="../../processing/base.py" line="37"/>
        <source>2 — Diagnosis</source>
        <translation>2 — Diagnostic</translation>
    </message>
    <message>
        <location filename="../../processing/base.py" line="37"/>
        <source>3 — Cartography</source>
        <translation>3 — Cartographie</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="65"/>
        <source>Add a TOTAL row</source>
        <translation>Ajouter une ligne TOTAL</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="115"/>
        <source>Aggregation</source>
        <translation>Agrégation</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="87"/>
        <source>Aggregations drawn from</source>
        <translation>Agrégations tirées parmi</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="47"/>
        <source>Apply the centrality style</source>
        <translation>Appliquer le style de centralité</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="49"/>
        <source>Apply the centrality style…</source>
        <translation>Appliquer le style de centralité…</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="116"/>
        <location filename="../../processing/sensitivity.py" line="88"/>
        <source>Arithmetic (compensatory)</source>
        <translation>Arithmétique (compensatoire)</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="111"/>
        <location filename="../../processing/centrality_score.py" line="116"/>
        <location filename="../../processing/centrality_score.py" line="120"/>
        <source>As in the profile</source>
        <translation>Comme dans le profil</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="77"/>
        <source>Atlas: one page per value of this field (empty: a single page)</source>
        <translation>Atlas : une page par valeur de ce champ (vide : une seule page)</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="126"/>
        <source>Atlas: {count} pages.</source>
        <translation>Atlas : {count} pages.</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="54"/>
        <source>BPE file (long layout: DEPCOM or DCIRIS, TYPEQU, NB_EQUIP)</source>
        <translation>Fichier BPE (format long : DEPCOM ou DCIRIS, TYPEQU, NB_EQUIP)</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="65"/>
        <source>BPE report</source>
        <translation>Rapport BPE</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="115"/>
        <source>Centrality</source>
        <translation>Centralité</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="63"/>
        <location filename="../../processing/export_layout.py" line="108"/>
        <source>Centrality of communes</source>
        <translation>Centralité des communes</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="115"/>
        <location filename="../../processing/layouts.py" line="132"/>
        <source>Centrality score</source>
        <translation>Score de centralité</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="61"/>
        <source>Centrality score (four functions)</source>
        <translation>Score de centralité (quatre fonctions)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="179"/>
        <source>Centrality score style</source>
        <translation>Style du score de centralité</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="48"/>
        <source>Centrality score…</source>
        <translation>Score de centralité…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="43"/>
        <location filename="../../plugin.py" line="101"/>
        <location filename="../../processing/apply_style.py" line="172"/>
        <location filename="../../ui/dock.py" line="46"/>
        <source>Centralités</source>
        <translation>Centralités</translation>
    </message>
    <message>
        <location filename="../../processing/provider.py" line="30"/>
        <source>Centralités {version} — centrality diagnosis of communes</source>
        <translation>Centralités {version} — diagnostic de centralité des communes</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="vanished">Méthode de classification</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="118"/>
        <source>Classes: {classes}</source>
        <translation>Classes : {classes}</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="80"/>
        <source>Classification method</source>
        <translation>Méthode de classification</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="96"/>
        <source>Columns to join, separated by commas (empty: all)</source>
        <translation>Colonnes à joindre, séparées par des virgules (vide : toutes)</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="40"/>
        <location filename="../../ui/dock.py" line="92"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="38"/>
        <source>Commune (colours) and territory mean (grey)</source>
        <translation>Commune (en couleur) et moyenne du territoire (en gris)</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="218"/>
        <source>Commune code field</source>
        <translation>Champ du code INSEE</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="125"/>
        <location filename="../../processing/sensitivity.py" line="93"/>
        <source>Commune code field (for the reference commune)</source>
        <translation>Champ du code INSEE (pour la commune de référence)</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="77"/>
        <source>Commune layer</source>
        <translation>Couche des communes</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="50"/>
        <location filename="../../ui/charts.py" line="59"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="187"/>
        <source>Communes per level:</source>
        <translation>Communes par niveau :</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="196"/>
        <source>Communes with at least one missing or imputed indicator (field donnees_manquantes): {count}.</source>
        <translation>Communes avec au moins un indicateur manquant ou imputé (champ donnees_manquantes) : {count}.</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="101"/>
        <location filename="../../processing/sensitivity.py" line="68"/>
        <source>Communes with joined indicators</source>
        <translation>Communes avec indicateurs joints</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="97"/>
        <source>Communes with rank bands</source>
        <translation>Communes avec bandes de rangs</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="192"/>
        <source>Communes without any indicator value (kept, with empty scores): {count}.</source>
        <translation>Communes sans aucune valeur d&apos;indicateur (conservées, scores vides) : {count}.</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="58"/>
        <source>Composite score</source>
        <translation>Score composite</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="96"/>
        <source>Composite score (0–100)</source>
        <translation>Score composite (0–100)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="72"/>
        <source>Composite score (graduated)</source>
        <translation>Score composite (symbologie graduée)</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="66"/>
        <source>Composite score of the four functions: Habiter, Travailler, Consommer, Services</source>
        <translation>Score composite des quatre fonctions : Habiter, Travailler, Consommer, Services</translation>
    </message>
    <message>
        <source>Composite score of the four functions: live, work, shop, services</source>
        <translation type="vanished">Score composite des quatre fonctions : Habiter, Travailler, Consommer, Services</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="230"/>
        <source>Computing ellipsoidal areas for densities…</source>
        <translation>Calcul des surfaces ellipsoïdales pour les densités…</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="132"/>
        <location filename="../../ui/charts.py" line="22"/>
        <source>Consommer</source>
        <translation>Consommer</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="82"/>
        <source>Copy table</source>
        <translation>Copier le tableau</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="83"/>
        <source>Copy the visible rows as CSV, to paste into a spreadsheet</source>
        <translation>Copier les lignes affichées en CSV, à coller dans un tableur</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="33"/>
        <source>Count BPE equipment per commune</source>
        <translation>Dénombrer les équipements de la BPE par commune</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="60"/>
        <source>Count fields to sum (empty: the population)</source>
        <translation>Champs d&apos;effectifs à additionner (vide : la population)</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="62"/>
        <source>Count the arrondissements of Paris, Lyon and Marseille in their commune</source>
        <translation>Compter les arrondissements de Paris, Lyon et Marseille dans leur commune</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="162"/>
        <source>Diagrams are sized by population: choose the population field.</source>
        <translation>La taille des diagrammes suit la population : choisissez le champ de population.</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="88"/>
        <source>Diagrams of the four functions</source>
        <translation>Diagrammes des quatre fonctions</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="76"/>
        <source>Dirichlet</source>
        <translation>Dirichlet</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="112"/>
        <location filename="../../processing/sensitivity.py" line="84"/>
        <source>Distance to a reference commune</source>
        <translation>Distance à une commune de référence</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="63"/>
        <source>Equipment per commune</source>
        <translation>Équipements par commune</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="116"/>
        <source>Equipment types in no gamme (counted in NB_EQUIP_HORS_GAMME): {types}.</source>
        <translation>Types d&apos;équipements hors gamme (comptés dans NB_EQUIP_HORS_GAMME) : {types}.</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="161"/>
        <source>Existing fields replaced by the new scores: {fields}</source>
        <translation>Champs existants remplacés par les nouveaux scores : {fields}</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="133"/>
        <source>Existing fields replaced: {fields}</source>
        <translation>Champs existants remplacés : {fields}</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="51"/>
        <source>Explore the scores (panel)</source>
        <translation>Explorer les scores (panneau)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="223"/>
        <source>Export charts</source>
        <translation>Exporter les graphiques</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="87"/>
        <source>Export charts…</source>
        <translation>Exporter les graphiques…</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="43"/>
        <source>Export the centrality map (PDF layout)</source>
        <translation>Exporter la carte de centralité (mise en page PDF)</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="50"/>
        <source>Export the map (PDF)…</source>
        <translation>Exporter la carte (PDF)…</translation>
    </message>
    <message>
        <source>Exports a landscape print layout (A4 or A3) of a scored commune layer: title, subtitle, map, legend, scale bar and a sources line, to PDF and optionally PNG.

The layer keeps its own style when it has one on the score (as set by “Apply the centrality style” or stored in its GeoPackage); otherwise the centrality style is applied to the map. The layer and the current project are not modified.</source>
        <translation type="vanished">Exporte une mise en page au format paysage (A4 ou A3) d&apos;une couche de communes avec scores : titre, sous-titre, carte, légende, barre d&apos;échelle et ligne des sources, en PDF et, en option, en PNG.

La couche garde son propre style lorsqu&apos;elle en a un sur le score (défini par « Appliquer le style de centralité » ou enregistré dans son GeoPackage) ; sinon, le style de centralité est appliqué à la carte. Ni la couche ni le projet en cours ne sont modifiés.</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="46"/>
        <source>Exports a landscape print layout (A4 or A3) of a scored commune layer: title, subtitle, map, legend, scale bar, north arrow, the outlines of the intercommunalities (or of any grouping field) and a sources line with the date, to PDF and optionally PNG.

Atlas: with an atlas field, one page per value (e.g. per intercommunality) in a single PDF, each page titled with the value, zoomed on it, with an inset map locating it in the whole territory; the PNG is then one file per page, numbered.

The layer keeps its own style when it has one on the score (as set by “Apply the centrality style” or stored in its GeoPackage); otherwise the centrality style is applied to the map. The layer and the current project are not modified.</source>
        <translation>Exporte une mise en page au format paysage (A4 ou A3) d&apos;une couche de communes avec scores : titre, sous-titre, carte, légende, barre d&apos;échelle, flèche du nord, contours des intercommunalités (ou de tout champ de regroupement) et ligne des sources avec la date, en PDF et, en option, en PNG.

Atlas : avec un champ d&apos;atlas, une page par valeur (par ex. par intercommunalité) dans un seul PDF, chaque page titrée par la valeur, centrée sur elle, avec une carte de situation dans l&apos;ensemble du territoire ; le PNG est alors un fichier par page, numéroté.

La couche garde son propre style si elle en a un sur le score (appliqué par « Appliquer le style de centralité » ou enregistré dans son GeoPackage) ; sinon le style de centralité est appliqué à la carte. La couche et le projet en cours ne sont pas modifiés.</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="107"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="81"/>
        <source>Fields to sum or average</source>
        <translation>Champs à additionner ou à moyenner</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="81"/>
        <source>Fixed bounds</source>
        <translation>Bornes fixes</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="83"/>
        <source>Fixed bounds, between 0 and 100 (e.g. 35, 52, 72, 88)</source>
        <translation>Bornes fixes, entre 0 et 100 (par ex. 35, 52, 72, 88)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="153"/>
        <source>Fixed bounds: give numbers between 0 and 100 separated by spaces or semicolons, e.g. 35; 52; 72; 88 (got &apos;{text}&apos;).</source>
        <translation>Bornes fixes : indiquez des nombres entre 0 et 100 séparés par des espaces ou des points-virgules, par ex. 35 ; 52 ; 72 ; 88 (reçu : « {text} »).</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="120"/>
        <source>Fixed thresholds</source>
        <translation>Seuils fixes</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="58"/>
        <source>Gamme lists (CSV with TYPEQU and GAMME; empty: INSEE 2021, shipped)</source>
        <translation>Listes des gammes (CSV avec TYPEQU et GAMME ; vide : listes INSEE 2021 fournies)</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="116"/>
        <location filename="../../processing/sensitivity.py" line="88"/>
        <source>Geometric (not compensatory)</source>
        <translation>Géométrique (non compensatoire)</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="70"/>
        <source>Give a BPE file.</source>
        <translation>Indiquez un fichier BPE.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="121"/>
        <source>Give at least one table to join.</source>
        <translation>Indiquez au moins une table à joindre.</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="74"/>
        <source>Group by</source>
        <translation>Regrouper par</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="52"/>
        <source>Group by (intercommunality code or any field)</source>
        <translation>Regrouper par (code de l&apos;intercommunalité ou tout autre champ)</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="132"/>
        <location filename="../../ui/charts.py" line="22"/>
        <source>Habiter</source>
        <translation>Habiter</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="48"/>
        <source>How much does a commune&apos;s rank depend on the scoring choices? Each of DRAWS random draws scores the communes again with the profile&apos;s indicators (see the centrality score&apos;s help for the formulas), a normalisation and an aggregation picked at random among those chosen, and perturbed weights:
• noise: each weight multiplied by (1 + u), u uniform between −NOISE and +NOISE;
• Dirichlet: the weights of the indicators of each function, and of the four functions, drawn from a Dirichlet distribution whose mean is the profile&apos;s weights (with equal weights, every split of the total is equally likely);
• none: the profile&apos;s weights, only the methods vary.

Output fields, added to the communes: rang_p05, rang_p50, rang_p95 (5th, 50th and 95th percentiles of the commune&apos;s rank over the draws, 1 = most central) and part_niveau_stable (% of the draws in which the commune keeps the level of the reference run, the profile&apos;s own methods and weights; levels by the profile&apos;s method). A narrow band means a rank that does not depend on the choices. The same SEED gives the same result. Communes without any data get empty fields.</source>
        <translation>Dans quelle mesure le rang d&apos;une commune dépend-il des choix de calcul du score ? Chacun des DRAWS tirages aléatoires recalcule le score des communes avec les indicateurs du profil (voir l&apos;aide du score de centralité pour les formules), une normalisation et une agrégation choisies au hasard parmi celles retenues, et des poids perturbés :
• bruit : chaque poids est multiplié par (1 + u), u tiré uniformément entre −NOISE et +NOISE ;
• Dirichlet : les poids des indicateurs de chaque fonction, et ceux des quatre fonctions, sont tirés selon une loi de Dirichlet dont la moyenne est égale aux poids du profil (à poids égaux, toutes les répartitions du total sont équiprobables) ;
• aucune : les poids du profil ; seules les méthodes varient.

Champs en sortie, ajoutés aux communes : rang_p05, rang_p50, rang_p95 (5e, 50e et 95e centiles du rang de la commune sur l&apos;ensemble des tirages, 1 = la commune la plus centrale) et part_niveau_stable (% des tirages où la commune conserve le niveau du calcul de référence, réalisé avec les méthodes et les poids propres au profil ; niveaux selon la méthode du profil). Une bande étroite signale un rang qui ne dépend pas des choix. Une même graine (SEED) donne le même résultat. Les communes sans aucune donnée reçoivent des champs vides.</translation>
    </message>
    <message>
        <location filename="../../processing/layouts.py" line="173"/>
        <source>INSEE (census, territory comparator base, BPE)</source>
        <translation>INSEE (recensement, base du comparateur de territoires, BPE)</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="81"/>
        <source>INSEE code field of the commune layer</source>
        <translation>Champ du code INSEE de la couche des communes</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="105"/>
        <location filename="../../processing/sensitivity.py" line="70"/>
        <source>Indicator profile (JSON; empty = built-in AULA 360°)</source>
        <translation>Profil d&apos;indicateurs (JSON ; vide = profil AULA 360° intégré)</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="129"/>
        <source>Indicator statistics and correlations</source>
        <translation>Statistiques et corrélations des indicateurs</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="103"/>
        <source>Intercommunalities</source>
        <translation>Intercommunalités</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="89"/>
        <source>Intermediate centre</source>
        <translation>Centralité intermédiaire</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="47"/>
        <source>Join INSEE tables to communes</source>
        <translation>Joindre des tables INSEE aux communes</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="47"/>
        <source>Join INSEE tables…</source>
        <translation>Joindre des tables INSEE…</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="105"/>
        <source>Join report</source>
        <translation>Rapport de jointure</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="103"/>
        <source>Joined communes</source>
        <translation>Communes avec données jointes</translation>
    </message>
    <message>
        <source>Joins one or more tables (CSV files, or table layers such as a GeoPackage table or a loaded spreadsheet) onto a commune layer by INSEE commune code.

Codes are read as text: leading zeros are kept or restored (1001 → 01001), float artefacts (62498.0) and spaces around codes are repaired, Corsica&apos;s 2A/2B kept. The key column of each table is found among the usual names (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …) unless given. Numbers with a decimal comma or thousands spaces are read as numbers; secret or empty values (s, nd, secret, empty cell) become NULL and are counted.

Every commune of the layer is kept with its geometry untouched. The join report (REPORT) lists each table row not joined (unmatched code, duplicate, invalid code), each re-coded key, each commune absent from a table and each renamed column. The log ends with one summary line per table.</source>
        <translation type="vanished">Joint une ou plusieurs tables (fichiers CSV, ou couches sans géométrie telles qu&apos;une table de GeoPackage ou un tableur chargé dans QGIS) à une couche de communes, par code INSEE de la commune.

Les codes sont lus comme du texte : les zéros initiaux sont conservés ou rétablis (1001 → 01001), les artefacts de nombres décimaux (62498.0) et les espaces parasites sont corrigés, les codes corses 2A/2B sont conservés. La colonne clé de chaque table est recherchée parmi les noms usuels (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …), sauf si elle est indiquée. Les nombres à virgule décimale ou à espaces séparateurs de milliers sont lus comme des nombres ; les valeurs secrètes ou vides (s, nd, secret, cellule vide) deviennent NULL et sont comptées.

Toutes les communes de la couche sont conservées, avec leur géométrie intacte. La table du rapport de jointure (REPORT) liste chaque ligne de table non jointe (code sans correspondance, doublon, code invalide), chaque code recodé, chaque commune absente d&apos;une table et chaque colonne renommée. Le journal se termine par une ligne de bilan par table.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="50"/>
        <source>Joins one or more tables (CSV files; XLSX or ODS spreadsheets, whose header is found below any title lines, on the sheet given or the first naming a code column; DBF files; or table layers such as a GeoPackage table) onto a commune layer by INSEE commune code.

Codes are read as text: leading zeros are kept or restored (1001 → 01001), float artefacts (62498.0) and spaces around codes are repaired, Corsica&apos;s 2A/2B kept. The key column of each table is found among the usual names (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …) unless given. Numbers with a decimal comma or thousands spaces are read as numbers; secret or empty values (s, nd, secret, empty cell) become NULL and are counted.

Every commune of the layer is kept with its geometry untouched. The join report (REPORT) lists each table row not joined (unmatched code, duplicate, invalid code), each re-coded key, each commune absent from a table and each renamed column. The log ends with one summary line per table.

Paris, Lyon, Marseille: rows of arrondissements (751xx, 6938x, 132xx) are summed onto 75056, 69123, 13055 when the layer holds these communes, and kept when it holds the arrondissements. Counts are summed; rates, medians, shares and text cannot be, and are left empty and reported.

Merged communes: a table de passage (INSEE&apos;s, with one code column per year, or any file with an old and a new code column) sums the rows of communes merged since the table&apos;s year onto today&apos;s commune, the same way. Without one, codes missing from a department the layer otherwise covers are reported as looking like merged communes.

Columns to join (optional): only these columns of each table are added. Prefixes (optional): one per table, in the order of the tables, put before the added column names.</source>
        <translation>Joint une ou plusieurs tables (fichiers CSV ; classeurs XLSX ou ODS, dont la ligne d&apos;en-tête est repérée sous d&apos;éventuelles lignes de titre, sur la feuille indiquée ou la première qui nomme une colonne de codes ; fichiers DBF ; ou couches sans géométrie telles qu&apos;une table de GeoPackage) à une couche de communes, par code INSEE de la commune.

Les codes sont lus comme du texte : les zéros initiaux sont conservés ou rétablis (1001 → 01001), les artefacts de nombres décimaux (62498.0) et les espaces parasites sont corrigés, les codes corses 2A/2B sont conservés. La colonne clé de chaque table est recherchée parmi les noms usuels (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …), sauf si elle est indiquée. Les nombres à virgule décimale ou à espaces séparateurs de milliers sont lus comme des nombres ; les valeurs secrètes ou vides (s, nd, secret, cellule vide) deviennent NULL et sont comptées.

Toutes les communes de la couche sont conservées, avec leur géométrie intacte. La table du rapport de jointure (REPORT) liste chaque ligne de table non jointe (code sans correspondance, doublon, code invalide), chaque code recodé, chaque commune absente d&apos;une table et chaque colonne renommée. Le journal se termine par une ligne de bilan par table.

Paris, Lyon, Marseille : les lignes des arrondissements (751xx, 6938x, 132xx) sont additionnées sur 75056, 69123, 13055 lorsque la couche contient ces communes, et conservées lorsqu&apos;elle contient les arrondissements. Les effectifs sont additionnés ; les taux, médianes, parts et textes ne peuvent pas l&apos;être : ils restent vides et sont signalés dans le rapport.

Communes fusionnées : une table de passage (celle de l&apos;INSEE, avec une colonne de codes par année, ou tout fichier avec une colonne d&apos;ancien code et une colonne de nouveau code) additionne de la même façon les lignes des communes fusionnées depuis l&apos;année de la table sur la commune actuelle. Sans table de passage, les codes absents de la couche dans un département qu&apos;elle couvre par ailleurs sont signalés comme ressemblant à des communes fusionnées.

Colonnes à joindre (facultatif) : seules ces colonnes de chaque table sont ajoutées. Préfixes (facultatif) : un par table, dans l&apos;ordre des tables, placé devant les noms des colonnes ajoutées.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="89"/>
        <source>Key column of the tables (empty: found automatically)</source>
        <translation>Colonne clé des tables (vide : détectée automatiquement)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="84"/>
        <source>Label the main centres</source>
        <translation>Étiqueter les principales centralités</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="92"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="96"/>
        <source>Level of centrality</source>
        <translation>Niveau de centralité</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="72"/>
        <source>Level of centrality (categories)</source>
        <translation>Niveau de centralité (catégories)</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="119"/>
        <source>Levels of centrality</source>
        <translation>Niveaux de centralité</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="52"/>
        <source>Load the sample territory</source>
        <translation>Charger le territoire d&apos;exemple</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="90"/>
        <source>Local centre</source>
        <translation>Centralité locale</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="87"/>
        <source>Major centre</source>
        <translation>Centralité majeure</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="72"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="146"/>
        <source>Median width of the 90 % rank band: {width} ranks; communes keeping their level in at least 90 % of the draws: {stable} of {total}.</source>
        <translation>Largeur médiane de la bande de rangs à 90 % : {width} rangs ; communes conservant leur niveau dans au moins 90 % des tirages : {stable} sur {total}.</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="153"/>
        <source>Method: normalisation {normalisation}, aggregation {aggregation}, levels {levels} (limits {limits}).</source>
        <translation>Méthode : normalisation {normalisation}, agrégation {aggregation}, niveaux {levels} (seuils {limits}).</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="111"/>
        <location filename="../../processing/sensitivity.py" line="83"/>
        <source>Min-max (0–100)</source>
        <translation>Min-max (0–100)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="86"/>
        <source>Name field for labels (empty: found automatically)</source>
        <translation>Champ du nom pour les étiquettes (vide : trouvé automatiquement)</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="55"/>
        <source>Name of the group (optional)</source>
        <translation>Nom du groupe (facultatif)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="81"/>
        <location filename="../../processing/centrality_score.py" line="120"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Ruptures naturelles (Jenks)</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="83"/>
        <source>No population field: the means of the scores are not weighted.</source>
        <translation>Pas de champ de population : les moyennes des scores ne sont pas pondérées.</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="76"/>
        <source>Noise (uniform, ± a share)</source>
        <translation>Bruit (uniforme, ± une part)</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="78"/>
        <source>Noise: share of each weight (0.25 = ±25 %)</source>
        <translation>Bruit : part de chaque poids (0,25 = ±25 %)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="88"/>
        <location filename="../../processing/sensitivity.py" line="76"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="110"/>
        <source>Normalisation</source>
        <translation>Normalisation</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="82"/>
        <source>Normalisations drawn from</source>
        <translation>Normalisations tirées parmi</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="91"/>
        <source>Not a centre</source>
        <translation>Hors centralité</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="81"/>
        <source>Not scored (no data)</source>
        <translation>Non calculé (pas de données)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="78"/>
        <source>Number of classes</source>
        <translation>Nombre de classes</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="73"/>
        <source>Number of draws</source>
        <translation>Nombre de tirages</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="36"/>
        <source>One row per intercommunality — or per value of any field (GROUP_FIELD, SIREN_EPCI by default) — of a commune layer, usually the output of the centrality score.

Columns: territoire (the group&apos;s value), nom (LABEL_FIELD of its first commune), nb_communes; the sum of each count field (SUM_FIELDS; the population field when empty); moy_&lt;field&gt;, the population-weighted mean of each score field (MEAN_FIELDS; every score_* field of the layer when empty): Σ score × population / Σ population over the communes that have both; and, when the layer has niveau_code, the number of communes at each level (nb_majeure, nb_structurante, nb_intermediaire, nb_locale, nb_hors_centralite). A last row TOTAL sums the whole layer (TOTAL parameter). Communes with an empty group value are gathered under an empty key.</source>
        <translation>Une ligne par intercommunalité — ou par valeur de tout autre champ (GROUP_FIELD, SIREN_EPCI par défaut) — d&apos;une couche de communes, en général celle produite par le score de centralité.

Colonnes : territoire (la valeur du groupe), nom (LABEL_FIELD de sa première commune), nb_communes ; la somme de chaque champ d&apos;effectif (SUM_FIELDS ; le champ de population s&apos;il est vide) ; moy_&lt;champ&gt;, la moyenne de chaque champ de score pondérée par la population (MEAN_FIELDS ; tous les champs score_* de la couche s&apos;il est vide) : Σ score × population / Σ population sur les communes qui ont les deux valeurs ; et, lorsque la couche a un champ niveau_code, le nombre de communes à chaque niveau (nb_majeure, nb_structurante, nb_intermediaire, nb_locale, nb_hors_centralite). Une dernière ligne TOTAL porte sur l&apos;ensemble de la couche (paramètre TOTAL). Les communes dont la valeur de groupe est vide sont rassemblées sous une clé vide.</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="74"/>
        <source>Outlines of groups of communes, e.g. intercommunalities (empty: NOM_EPCI or SIREN_EPCI when present)</source>
        <translation>Contours de groupes de communes, par ex. les intercommunalités (vide : NOM_EPCI ou SIREN_EPCI s&apos;ils existent)</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="105"/>
        <source>Outlines: {count} groups of communes by {field}.</source>
        <translation>Contours : {count} groupes de communes selon {field}.</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="79"/>
        <source>PDF file</source>
        <translation>Fichier PDF</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="81"/>
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="223"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="136"/>
        <source>PNG pages: {paths}</source>
        <translation>Pages PNG : {paths}</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="71"/>
        <source>Paper (landscape)</source>
        <translation>Format du papier (paysage)</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="111"/>
        <location filename="../../processing/sensitivity.py" line="83"/>
        <source>Percentile rank</source>
        <translation>Rang centile</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="88"/>
        <source>Pies</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="57"/>
        <source>Population field (weights of the means)</source>
        <translation>Champ de population (pondération des moyennes)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="90"/>
        <source>Population field sizing the diagrams (empty: found automatically)</source>
        <translation>Champ de population pour la taille des diagrammes (vide : trouvé automatiquement)</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="98"/>
        <source>Prefix of the added columns, one per table in order, separated by commas</source>
        <translation>Préfixes des colonnes ajoutées, un par table dans l&apos;ordre, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="207"/>
        <source>Profile: {name}</source>
        <translation>Profil : {name}</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="81"/>
        <location filename="../../processing/centrality_score.py" line="120"/>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="96"/>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="92"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="78"/>
        <location filename="../../processing/join_tables.py" line="134"/>
        <location filename="../../processing/join_tables.py" line="146"/>
        <source>Read {name}: {rows} rows, {columns} columns.</source>
        <translation>Table {name} lue : {rows} lignes, {columns} colonnes.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="123"/>
        <source>Reading the commune codes…</source>
        <translation>Lecture des codes INSEE des communes…</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="123"/>
        <location filename="../../processing/sensitivity.py" line="91"/>
        <source>Reference commune (its code; for the distance to a reference)</source>
        <translation>Commune de référence (son code ; pour la distance à une référence)</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="72"/>
        <source>Resolution (DPI)</source>
        <translation>Résolution (ppp)</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="46"/>
        <source>Run the full diagnosis…</source>
        <translation>Lancer le diagnostic complet…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="96"/>
        <source>Sample territory (AULA)</source>
        <translation>Territoire d&apos;exemple (AULA)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="93"/>
        <source>Save as the layer&apos;s default style in its GeoPackage</source>
        <translation>Enregistrer comme style par défaut de la couche dans son GeoPackage</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="92"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="75"/>
        <source>Score field</source>
        <translation>Champ du score</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="63"/>
        <source>Score fields to average (empty: every score_* field)</source>
        <translation>Champs de score à moyenner (vide : tous les champs score_*)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="70"/>
        <location filename="../../processing/export_layout.py" line="62"/>
        <source>Scored commune layer</source>
        <translation>Couche des communes avec scores</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="127"/>
        <source>Scored communes</source>
        <translation>Communes avec scores</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="64"/>
        <source>Scores every commune on the four functions of centrality — Habiter, Travailler, Consommer, Services — from an indicator profile (JSON; empty = the built-in AULA 360° profile on INSEE&apos;s comparator base and BPE domains).

1. Indicators are computed from the layer&apos;s columns (ratio, per 1,000 inhabitants, share, density per km², annual growth rate, difference). A missing value follows the indicator&apos;s policy: reweight (left out, the others&apos; weights re-spread), zero, or the territory&apos;s median. Transformation: log(1+x), or winsorise (values clipped to the (100−p)th and pth percentiles).

2. Normalisation over the layer (x reversed when the direction is &apos;-&apos;):
• min-max: y = 100 × (x − min) / (max − min);
• z-score: z = (x − mean) / standard deviation, y = 100 × Φ(z), Φ the standard normal distribution (50 = the layer&apos;s mean);
• percentile rank: y = 100 × (r − 1) / (n − 1), r the rank from the lowest (ties share their mean rank), n the communes with a value;
• distance to a reference commune: y = min(100, 100 × (x − min) / (x_ref − min)), 100 = the reference commune (REFERENCE, a code of CODE_FIELD) or better.

3. Aggregation with the profile&apos;s weights, of the indicators into each function and of the four functions into the composite: arithmetic (compensatory) Σ w·y / Σ w; geometric (a weakness is not made up by a strength) exp(Σ w·ln(1 + y) / Σ w) − 1.

4. Except with the z-score, sub-scores and composite are re-expressed on 0–100 over the layer (100 = the highest commune). Raising a &apos;+&apos; indicator never lowers a commune&apos;s composite.

5. Levels (niveau, niveau_code 1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité) from the composite: fixed thresholds (the profile&apos;s, by default 88, 72, 52, 35); quantiles (the top shares of communes, by default 0.4 %, 2.5 %, 11 %, 31 % as in the INRAE/ANCT 2021 levels of France); or natural breaks (Jenks: the five classes that minimise the sum of squared deviations from their class means).

Methods left on &apos;as in the profile&apos; use the profile&apos;s (min-max, arithmetic, thresholds when it says nothing).

Output fields: score_habiter, score_travailler, score_consommer, score_services, score_centralite (0–100), rang (1 = most central), niveau, niveau_code, donnees_manquantes (indicators missing or imputed). A commune with no data at all is kept with empty scores and counted in the log. The optional STATISTICS table gives each indicator&apos;s count, min, median and max and its Spearman rank correlation with every other indicator.</source>
        <translation>Calcule pour chaque commune un score sur les quatre fonctions de centralité — Habiter, Travailler, Consommer, Services — à partir d&apos;un profil d&apos;indicateurs (JSON ; vide = profil AULA 360° intégré, fondé sur la base du comparateur de territoires de l&apos;INSEE et les domaines de la BPE).

1. Les indicateurs sont calculés à partir des colonnes de la couche (ratio, pour 1 000 habitants, part, densité au km², taux de croissance annuel, différence). Une valeur manquante suit la règle de l&apos;indicateur : reweight (indicateur écarté, poids des autres redistribués), zero (valeur nulle) ou median (médiane du territoire). Transformation : log(1+x), ou winsorisation (valeurs écrêtées aux centiles (100−p) et p).

2. Normalisation à l&apos;échelle de la couche (x inversé lorsque la direction est &apos;-&apos;) :
• min-max : y = 100 × (x − min) / (max − min) ;
• score z : z = (x − moyenne) / écart-type, y = 100 × Φ(z), Φ la fonction de répartition de la loi normale centrée réduite (50 = la moyenne de la couche) ;
• rang centile : y = 100 × (r − 1) / (n − 1), r le rang à partir de la valeur la plus faible (les ex aequo reçoivent leur rang moyen), n le nombre de communes ayant une valeur ;
• distance à une commune de référence : y = min(100, 100 × (x − min) / (x_ref − min)), 100 = la commune de référence (REFERENCE, un code de CODE_FIELD) ou mieux.

3. Agrégation avec les poids du profil, des indicateurs en chaque fonction, puis des quatre fonctions en score composite : arithmétique (compensatoire) Σ w·y / Σ w ; géométrique (un point faible n&apos;est pas compensé par un point fort) exp(Σ w·ln(1 + y) / Σ w) − 1.

4. Sauf avec le score z, les sous-scores et le score composite sont ramenés sur 0–100 à l&apos;échelle de la couche (100 = la commune au score le plus élevé). Augmenter un indicateur &apos;+&apos; ne fait jamais baisser le score composite d&apos;une commune.

5. Niveaux (niveau, niveau_code 1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité) déterminés à partir du score composite : seuils fixes (ceux du profil, par défaut 88, 72, 52, 35) ; quantiles (parts cumulées des communes en tête du classement, par défaut 0,4 % ; 2,5 % ; 11 % ; 31 %, comme dans les niveaux de centralité de l&apos;étude INRAE/ANCT de 2021 pour la France) ; ou ruptures naturelles (Jenks : les cinq classes qui minimisent la somme des carrés des écarts à la moyenne de leur classe).

Les méthodes laissées sur « Comme dans le profil » reprennent celles du profil (min-max, arithmétique, et seuils fixes lorsqu&apos;il ne précise rien).

Champs en sortie : score_habiter, score_travailler, score_consommer, score_services, score_centralite (0–100), rang (1 = la commune la plus centrale), niveau, niveau_code, donnees_manquantes (nombre d&apos;indicateurs manquants ou imputés). Une commune sans aucune donnée est conservée avec des scores vides et comptée dans le journal. La table facultative STATISTICS donne pour chaque indicateur l&apos;effectif, le minimum, la médiane et le maximum, ainsi que sa corrélation des rangs de Spearman avec chacun des autres indicateurs.</translation>
    </message>
    <message>
        <source>Scores every commune on the four functions of centrality — Habiter, Travailler, Consommer, Services — from an indicator profile (JSON; empty = the built-in AULA 360° profile on INSEE&apos;s comparator base and BPE domains).

Method: each indicator is computed from the layer&apos;s columns (ratio, per 1,000 inhabitants, share, density per km², annual growth rate, difference), optionally log-transformed (log(1+x)), then normalised min-max to 0–100 over the layer (reversed when its direction is &apos;-&apos;). A function&apos;s mean is the weighted mean of its indicators; the composite is the weighted mean of the four function means. Sub-scores and composite are then each re-expressed on 0–100 over the layer (100 = the highest commune).

Output fields: score_habiter, score_travailler, score_consommer, score_services, score_centralite (0–100), rang (1 = most central), niveau and niveau_code (1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité, by the profile&apos;s thresholds on the composite), donnees_manquantes (indicators missing or imputed). A missing value follows the indicator&apos;s policy: reweight (left out, the others&apos; weights re-spread), zero, or the median. A commune with no data at all is kept with empty scores and counted in the log.</source>
        <translation type="vanished">Calcule pour chaque commune un score sur les quatre fonctions de centralité — Habiter, Travailler, Consommer, Services — à partir d&apos;un profil d&apos;indicateurs (JSON ; vide = profil AULA 360° intégré, fondé sur la base du comparateur de territoires de l&apos;INSEE et les domaines de la BPE).

Méthode : chaque indicateur est calculé à partir des colonnes de la couche (ratio, pour 1 000 habitants, part, densité au km², taux de croissance annuel, différence), éventuellement transformé en logarithme (log(1+x)), puis normalisé min-max sur 0–100 à l&apos;échelle de la couche (inversé lorsque sa direction est &apos;-&apos;). La moyenne d&apos;une fonction est la moyenne pondérée de ses indicateurs ; le score composite est la moyenne pondérée des moyennes des quatre fonctions. Les sous-scores et le score composite sont ensuite chacun ramenés sur 0–100 à l&apos;échelle de la couche (100 = la commune au score le plus élevé).

Champs en sortie : score_habiter, score_travailler, score_consommer, score_services, score_centralite (0–100), rang (1 = la commune la plus centrale), niveau et niveau_code (1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité, selon les seuils du profil appliqués au score composite), donnees_manquantes (nombre d&apos;indicateurs manquants ou imputés). Une valeur manquante suit la règle de l&apos;indicateur : reweight (indicateur écarté, poids des autres redistribués), zero (valeur nulle) ou median (médiane du territoire). Une commune sans aucune donnée est conservée avec des scores vides et comptée dans le journal.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="80"/>
        <source>Search a commune…</source>
        <translation>Rechercher une commune…</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="59"/>
        <location filename="../../ui/dock.py" line="162"/>
        <source>Select a commune on the map or in the table.</source>
        <translation>Sélectionnez une commune sur la carte ou dans le tableau.</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="45"/>
        <source>Sensitivity of the ranks (Monte Carlo)</source>
        <translation>Sensibilité des rangs (Monte Carlo)</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="132"/>
        <location filename="../../ui/charts.py" line="22"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="93"/>
        <source>Sheet of the spreadsheets (name or number; empty: the first with a code column)</source>
        <translation>Feuille des classeurs (nom ou numéro ; vide : la première qui a une colonne de codes)</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="70"/>
        <source>Sources line (empty = automatic)</source>
        <translation>Ligne des sources (vide = automatique)</translation>
    </message>
    <message>
        <location filename="../../processing/layouts.py" line="174"/>
        <source>Sources: {data}; IGN, ADMIN EXPRESS. Produced with Centralités {version}, {date}.</source>
        <translation>Sources : {data} ; IGN, ADMIN EXPRESS. Réalisation : Centralités {version}, {date}.</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="88"/>
        <source>Structuring centre</source>
        <translation>Centralité structurante</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="96"/>
        <source>Style file (QML)</source>
        <translation>Fichier de style (QML)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="182"/>
        <source>Style stored in the GeoPackage as the layer&apos;s default style.</source>
        <translation>Style enregistré dans le GeoPackage comme style par défaut de la couche.</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="98"/>
        <source>Styled layer</source>
        <translation>Couche symbolisée</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="50"/>
        <source>Styles a scored commune layer for a report.

Map: either the composite score (or another score field) graduated in five classes by default, ColorBrewer YlOrRd (safe for colour-blind readers), classes by quantiles, natural breaks (Jenks) or fixed bounds (e.g. 35, 52, 72, 88), legend bounds rounded to whole numbers; or the level of centrality (niveau_code) in fixed colours, darker for more central, with a grey class for communes not scored.

Labels: the names of the main centres (up to the structuring ones), the most central placed first when labels collide. Diagrams (optional): the four sub-scores of each major or structuring centre as a pie whose area follows the population.

The features are not modified. When the layer is stored in a GeoPackage, the style is saved inside it as the layer&apos;s default style, so the layer keeps it when opened later or on another machine. The style can also be written to a QML file.</source>
        <translation>Met en forme une couche de communes avec scores pour un rapport.

Carte : soit le score composite (ou un autre champ de score) en symbologie graduée, cinq classes par défaut, palette ColorBrewer YlOrRd (lisible par les personnes daltoniennes), classes par quantiles, ruptures naturelles (Jenks) ou bornes fixes (par ex. 35, 52, 72, 88), bornes de légende arrondies à l&apos;unité ; soit le niveau de centralité (niveau_code) en couleurs fixes, plus foncées pour les communes plus centrales, avec une classe grise pour les communes non calculées.

Étiquettes : les noms des principales centralités (jusqu&apos;aux structurantes), les plus centrales placées d&apos;abord en cas de conflit. Diagrammes (en option) : les quatre sous-scores de chaque centralité majeure ou structurante en secteurs, dont l&apos;aire suit la population.

Les entités ne sont pas modifiées. Lorsque la couche est stockée dans un GeoPackage, le style y est enregistré comme style par défaut de la couche, qui le retrouve ainsi à chaque ouverture, y compris sur un autre poste. Le style peut aussi être écrit dans un fichier QML.</translation>
    </message>
    <message>
        <source>Styles a scored commune layer: a graduated map of the composite score (or another score field), five classes by default, ColorBrewer YlOrRd (safe for colour-blind readers), classes by quantiles or natural breaks (Jenks), legend bounds rounded to whole numbers.

The features are not modified. When the layer is stored in a GeoPackage, the style is saved inside it as the layer&apos;s default style, so the layer keeps it when opened later or on another machine. The style can also be written to a QML file.</source>
        <translation type="vanished">Met en forme une couche de communes avec scores : symbologie graduée du score composite (ou d&apos;un autre champ de score) en cinq classes par défaut, palette ColorBrewer YlOrRd (lisible par les personnes daltoniennes), classes par quantiles ou par ruptures naturelles (Jenks), étiquettes de légende arrondies à l&apos;unité.

Les entités ne sont pas modifiées. Lorsque la couche est stockée dans un GeoPackage, le style y est enregistré comme style par défaut de la couche, qui le retrouve ainsi à chaque ouverture, y compris sur un autre poste. Le style peut aussi être écrit dans un fichier QML.</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="66"/>
        <source>Subtitle</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="66"/>
        <source>Summary per territory</source>
        <translation>Synthèse par territoire</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="36"/>
        <source>Sums a file of INSEE&apos;s Base permanente des équipements (BPE) in its long layout — one row per commune (DEPCOM) or IRIS (DCIRIS, cut to its commune) and equipment type (TYPEQU), with NB_EQUIP (without it, each row counts one equipment) and optionally AN — into one row per commune, to join to the communes with &apos;Join INSEE tables to communes&apos;.

Output fields: DEPCOM (text), NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (domains: A services, B shops, C education, D health and social, E transport, F sport and culture, G tourism), NB_EQUIP_PROXIMITE, NB_EQUIP_INTERMEDIAIRE, NB_EQUIP_SUPERIEURE (INSEE&apos;s gammes), NB_EQUIP_HORS_GAMME (types in no gamme) and NB_TYPEQU (number of distinct equipment types).

The gamme lists are INSEE&apos;s 2021 lists shipped in resources/bpe/gammes_2021.csv; another file with the columns TYPEQU and GAMME can be given. When the file holds several years (AN), the latest is counted unless a year is given. The arrondissements of Paris, Lyon and Marseille are counted in their commune (75056, 69123, 13055) unless unticked. Every row left out (invalid code or type, count not a number, another year) is written to the report.</source>
        <translation>Agrège un fichier de la Base permanente des équipements (BPE) de l&apos;INSEE au format long — une ligne par commune (DEPCOM) ou par IRIS (DCIRIS, ramené à sa commune) et par type d&apos;équipement (TYPEQU), avec NB_EQUIP (sans ce champ, chaque ligne compte pour un équipement) et éventuellement AN — en une ligne par commune, à joindre ensuite aux communes avec « Joindre des tables INSEE aux communes ».

Champs en sortie : DEPCOM (texte), NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (domaines : A services aux particuliers, B commerces, C enseignement, D santé et action sociale, E transports et déplacements, F sports, loisirs et culture, G tourisme), NB_EQUIP_PROXIMITE, NB_EQUIP_INTERMEDIAIRE, NB_EQUIP_SUPERIEURE (gammes de l&apos;INSEE : proximité, intermédiaire, supérieure), NB_EQUIP_HORS_GAMME (types hors gamme) et NB_TYPEQU (nombre de types d&apos;équipements distincts).

Les listes des gammes sont celles de l&apos;INSEE pour 2021, fournies dans resources/bpe/gammes_2021.csv ; un autre fichier avec les colonnes TYPEQU et GAMME peut être indiqué. Lorsque le fichier contient plusieurs années (AN), la plus récente est comptée, sauf si une année est indiquée. Les arrondissements de Paris, Lyon et Marseille sont comptés dans leur commune (75056, 69123, 13055), sauf si l&apos;option est décochée. Chaque ligne écartée (code ou type invalide, nombre d&apos;équipements non numérique, autre année) est inscrite dans le rapport.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="101"/>
        <source>Table de passage of merged communes (old code, new code; optional)</source>
        <translation>Table de passage des communes fusionnées (ancien code, nouveau code ; facultative)</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="86"/>
        <source>Tables to join (files or table layers)</source>
        <translation>Tables à joindre (fichiers ou couches sans géométrie)</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="42"/>
        <source>Territory mean</source>
        <translation>Moyenne du territoire</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="33"/>
        <source>Territory summary</source>
        <translation>Synthèse territoriale</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="132"/>
        <source>The PNG file {path} could not be written: check that the folder exists and is writable.</source>
        <translation>Impossible d&apos;écrire le fichier PNG {path} : vérifiez que le dossier existe et qu&apos;il est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="36"/>
        <source>The charts need the Python package pyqtgraph. On Debian or Ubuntu: sudo apt install python3-pyqtgraph; with the OSGeo4W installer on Windows: the package python3-pyqtgraph, or &apos;pip install pyqtgraph&apos; in the OSGeo4W shell. The ranking table works without it.</source>
        <translation>Les graphiques ont besoin du paquet Python pyqtgraph. Sous Debian ou Ubuntu : sudo apt install python3-pyqtgraph ; avec l&apos;installateur OSGeo4W sous Windows : le paquet python3-pyqtgraph, ou « pip install pyqtgraph » dans le shell OSGeo4W. Le classement fonctionne sans lui.</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="103"/>
        <location filename="../../processing/centrality_score.py" line="134"/>
        <location filename="../../processing/export_layout.py" line="87"/>
        <location filename="../../processing/join_tables.py" line="111"/>
        <location filename="../../processing/sensitivity.py" line="102"/>
        <location filename="../../processing/territory_summary.py" line="71"/>
        <source>The commune layer could not be read.</source>
        <translation>Impossible de lire la couche des communes.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="115"/>
        <source>The commune layer has no field &apos;{field}&apos;. Fields found: {fields}.</source>
        <translation>La couche des communes n&apos;a pas de champ « {field} ». Champs présents : {fields}.</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="117"/>
        <source>The field &apos;{field}&apos; has no values to classify.</source>
        <translation>Le champ « {field} » n&apos;a aucune valeur à classer.</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="143"/>
        <location filename="../../processing/export_layout.py" line="89"/>
        <source>The layer has no field &apos;{field}&apos;: run the centrality score first.</source>
        <translation>La couche n&apos;a pas de champ « {field} » : lancez d&apos;abord le calcul du score de centralité.</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="170"/>
        <source>The layer is not in a GeoPackage: its style is applied but not stored with it.</source>
        <translation>La couche n&apos;est pas dans un GeoPackage : son style est appliqué mais n&apos;est pas enregistré avec elle.</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="166"/>
        <location filename="../../processing/join_tables.py" line="166"/>
        <location filename="../../processing/sensitivity.py" line="139"/>
        <source>The output layer could not be created.</source>
        <translation>Impossible de créer la couche en sortie.</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="96"/>
        <location filename="../../processing/territory_summary.py" line="98"/>
        <source>The output table could not be created.</source>
        <translation>Impossible de créer la table en sortie.</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="101"/>
        <source>The sample territory could not be opened: {path}</source>
        <translation>Impossible d&apos;ouvrir le territoire d&apos;exemple : {path}</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="181"/>
        <source>The style could not be stored in the GeoPackage: {message}</source>
        <translation>Impossible d&apos;enregistrer le style dans le GeoPackage : {message}</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="137"/>
        <source>The style file {path} could not be written: {message}</source>
        <translation>Impossible d&apos;écrire le fichier de style {path} : {message}</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="151"/>
        <source>The {kind} file {path} could not be written (error {code}): check that the folder exists and is writable.</source>
        <translation>Impossible d&apos;écrire le fichier {kind} {path} (erreur {code}) : vérifiez que le dossier existe et qu&apos;il est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="133"/>
        <source>This layer has no centrality scores: run “Centrality score” first.</source>
        <translation>Cette couche n&apos;a pas de scores de centralité : lancez d&apos;abord « Score de centralité ».</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="63"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="132"/>
        <location filename="../../ui/charts.py" line="22"/>
        <source>Travailler</source>
        <translation>Travailler</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="75"/>
        <source>Weight perturbation</source>
        <translation>Perturbation des poids</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="56"/>
        <source>Year (AN) to count (empty: the latest in the file)</source>
        <translation>Année (AN) à compter (vide : la plus récente du fichier)</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="111"/>
        <location filename="../../processing/sensitivity.py" line="83"/>
        <source>Z-score</source>
        <translation>Score z (centré réduit)</translation>
    </message>
    <message>
        <source>{count} commune(s) have no indicator value at all: kept, with empty scores.</source>
        <translation type="vanished">{count} commune(s) sans aucune valeur d&apos;indicateur : conservée(s), avec des scores vides.</translation>
    </message>
    <message>
        <location filename="../../processing/territory_summary.py" line="100"/>
        <source>{count} territories summarised.</source>
        <translation>{count} territoires synthétisés.</translation>
    </message>
    <message>
        <location filename="../../processing/sensitivity.py" line="115"/>
        <source>{draws} draws…</source>
        <translation>{draws} tirages…</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="207"/>
        <source>{entry}: neither a CSV file nor a table QGIS can open.</source>
        <translation>{entry} : ni un fichier CSV, ni une table que QGIS sait ouvrir.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="210"/>
        <source>{entry}: the table has no rows.</source>
        <translation>{entry} : la table ne contient aucune ligne.</translation>
    </message>
    <message>
        <location filename="../../processing/frames.py" line="181"/>
        <source>{label}: the field &apos;{name}&apos; is not in the layer. Fields found: {names}.</source>
        <translation>{label} : le champ « {name} » n&apos;est pas dans la couche. Champs présents : {names}.</translation>
    </message>
    <message>
        <location filename="../../processing/aggregate_bpe.py" line="90"/>
        <source>{name}: no row could be counted. {summary}</source>
        <translation>{name} : aucune ligne n&apos;a pu être comptée. {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="167"/>
        <source>{name}: rank {rank}, {level}, composite score {score:.1f}</source>
        <translation>{name} : rang {rank}, {level}, score composite {score:.1f}</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="203"/>
        <source>{path}: file not found.</source>
        <translation>{path} : fichier introuvable.</translation>
    </message>
    <message>
        <location filename="../../processing/spreadsheets.py" line="56"/>
        <source>{path}: no sheet &apos;{sheet}&apos;. Sheets found: {sheets}.</source>
        <translation>{path} : pas de feuille « {sheet} ». Feuilles présentes : {sheets}.</translation>
    </message>
    <message>
        <location filename="../../processing/spreadsheets.py" line="38"/>
        <source>{path}: not a spreadsheet OGR can read (damaged or truncated file?).</source>
        <translation>{path} : ce n&apos;est pas un classeur qu&apos;OGR sait lire (fichier endommagé ou tronqué ?).</translation>
    </message>
    <message>
        <location filename="../../processing/spreadsheets.py" line="52"/>
        <source>{path}: the file holds no sheet.</source>
        <translation>{path} : le fichier ne contient aucune feuille.</translation>
    </message>
</context>
</TS>
