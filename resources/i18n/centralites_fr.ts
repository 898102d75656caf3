<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Centralites</name>
    <message>
        <location filename="../../processing/styling.py" line="61"/>
        <location filename="../../processing/styling.py" line="66"/>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="41"/>
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
        <location filename="../../processing/apply_style.py" line="47"/>
        <source>Apply the centrality style</source>
        <translation>Appliquer le style de centralité</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="48"/>
        <source>Apply the centrality style…</source>
        <translation>Appliquer le style de centralité…</translation>
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
        <location filename="../../processing/centrality_score.py" line="42"/>
        <source>Centrality score (four functions)</source>
        <translation>Score de centralité (quatre fonctions)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="179"/>
        <source>Centrality score style</source>
        <translation>Style du score de centralité</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="47"/>
        <source>Centrality score…</source>
        <translation>Score de centralité…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="42"/>
        <location filename="../../plugin.py" line="84"/>
        <location filename="../../processing/apply_style.py" line="172"/>
        <source>Centralités</source>
        <translation>Centralités</translation>
    </message>
    <message>
        <location filename="../../processing/provider.py" line="27"/>
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
        <location filename="../../processing/join_tables.py" line="59"/>
        <source>Commune layer</source>
        <translation>Couche des communes</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="121"/>
        <source>Communes per level:</source>
        <translation>Communes par niveau :</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="130"/>
        <source>Communes with at least one missing or imputed indicator (field donnees_manquantes): {count}.</source>
        <translation>Communes avec au moins un indicateur manquant ou imputé (champ donnees_manquantes) : {count}.</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="67"/>
        <source>Communes with joined indicators</source>
        <translation>Communes avec indicateurs joints</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="126"/>
        <source>Communes without any indicator value (kept, with empty scores): {count}.</source>
        <translation>Communes sans aucune valeur d&apos;indicateur (conservées, scores vides) : {count}.</translation>
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
        <translation>Score composite des quatre fonctions : Habiter, Travailler, Consommer, Services</translation>
    </message>
    <message>
        <source>Composite score of the four functions: live, work, shop, services</source>
        <translation type="vanished">Score composite des quatre fonctions : Habiter, Travailler, Consommer, Services</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="95"/>
        <source>Computing ellipsoidal areas for densities…</source>
        <translation>Calcul des surfaces ellipsoïdales pour les densités…</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="126"/>
        <source>Consommer</source>
        <translation>Consommer</translation>
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
        <location filename="../../processing/centrality_score.py" line="105"/>
        <source>Existing fields replaced by the new scores: {fields}</source>
        <translation>Champs existants remplacés par les nouveaux scores : {fields}</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="43"/>
        <source>Export the centrality map (PDF layout)</source>
        <translation>Exporter la carte de centralité (mise en page PDF)</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="49"/>
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
        <location filename="../../processing/join_tables.py" line="92"/>
        <source>Give at least one table to join.</source>
        <translation>Indiquez au moins une table à joindre.</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="126"/>
        <source>Habiter</source>
        <translation>Habiter</translation>
    </message>
    <message>
        <location filename="../../processing/layouts.py" line="173"/>
        <source>INSEE (census, territory comparator base, BPE)</source>
        <translation>INSEE (recensement, base du comparateur de territoires, BPE)</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="63"/>
        <source>INSEE code field of the commune layer</source>
        <translation>Champ du code INSEE de la couche des communes</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="71"/>
        <source>Indicator profile (JSON; empty = built-in AULA 360°)</source>
        <translation>Profil d&apos;indicateurs (JSON ; vide = profil AULA 360° intégré)</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="103"/>
        <source>Intercommunalities</source>
        <translation>Intercommunalités</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="87"/>
        <source>Intermediate centre</source>
        <translation>Centralité intermédiaire</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="40"/>
        <source>Join INSEE tables to communes</source>
        <translation>Joindre des tables INSEE aux communes</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="46"/>
        <source>Join INSEE tables…</source>
        <translation>Joindre des tables INSEE…</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="76"/>
        <source>Join report</source>
        <translation>Rapport de jointure</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="74"/>
        <source>Joined communes</source>
        <translation>Communes avec données jointes</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="43"/>
        <source>Joins one or more tables (CSV files, or table layers such as a GeoPackage table or a loaded spreadsheet) onto a commune layer by INSEE commune code.

Codes are read as text: leading zeros are kept or restored (1001 → 01001), float artefacts (62498.0) and spaces around codes are repaired, Corsica&apos;s 2A/2B kept. The key column of each table is found among the usual names (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …) unless given. Numbers with a decimal comma or thousands spaces are read as numbers; secret or empty values (s, nd, secret, empty cell) become NULL and are counted.

Every commune of the layer is kept with its geometry untouched. The join report (REPORT) lists each table row not joined (unmatched code, duplicate, invalid code), each re-coded key, each commune absent from a table and each renamed column. The log ends with one summary line per table.</source>
        <translation>Joint une ou plusieurs tables (fichiers CSV, ou couches sans géométrie telles qu&apos;une table de GeoPackage ou un tableur chargé dans QGIS) à une couche de communes, par code INSEE de la commune.

Les codes sont lus comme du texte : les zéros initiaux sont conservés ou rétablis (1001 → 01001), les artefacts de nombres décimaux (62498.0) et les espaces parasites sont corrigés, les codes corses 2A/2B sont conservés. La colonne clé de chaque table est recherchée parmi les noms usuels (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …), sauf si elle est indiquée. Les nombres à virgule décimale ou à espaces séparateurs de milliers sont lus comme des nombres ; les valeurs secrètes ou vides (s, nd, secret, cellule vide) deviennent NULL et sont comptées.

Toutes les communes de la couche sont conservées, avec leur géométrie intacte. La table du rapport de jointure (REPORT) liste chaque ligne de table non jointe (code sans correspondance, doublon, code invalide), chaque code recodé, chaque commune absente d&apos;une table et chaque colonne renommée. Le journal se termine par une ligne de bilan par table.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="71"/>
        <source>Key column of the tables (empty: found automatically)</source>
        <translation>Colonne clé des tables (vide : détectée automatiquement)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="84"/>
        <source>Label the main centres</source>
        <translation>Étiqueter les principales centralités</translation>
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
        <location filename="../../plugin.py" line="50"/>
        <source>Load the sample territory</source>
        <translation>Charger le territoire d&apos;exemple</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="88"/>
        <source>Local centre</source>
        <translation>Centralité locale</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="85"/>
        <source>Major centre</source>
        <translation>Centralité majeure</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="72"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="86"/>
        <source>Name field for labels (empty: found automatically)</source>
        <translation>Champ du nom pour les étiquettes (vide : trouvé automatiquement)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="81"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Ruptures naturelles (Jenks)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="88"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="89"/>
        <source>Not a centre</source>
        <translation>Hors centralité</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="79"/>
        <source>Not scored (no data)</source>
        <translation>Non calculé (pas de données)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="78"/>
        <source>Number of classes</source>
        <translation>Nombre de classes</translation>
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
        <location filename="../../processing/apply_style.py" line="88"/>
        <source>Pies</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="90"/>
        <source>Population field sizing the diagrams (empty: found automatically)</source>
        <translation>Champ de population pour la taille des diagrammes (vide : trouvé automatiquement)</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="87"/>
        <source>Profile: {name}</source>
        <translation>Profil : {name}</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="81"/>
        <source>Quantiles</source>
        <translation>Quantiles (effectifs égaux)</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="103"/>
        <source>Read {name}: {rows} rows, {columns} columns.</source>
        <translation>Table {name} lue : {rows} lignes, {columns} colonnes.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="94"/>
        <source>Reading the commune codes…</source>
        <translation>Lecture des codes INSEE des communes…</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="72"/>
        <source>Resolution (DPI)</source>
        <translation>Résolution (ppp)</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="45"/>
        <source>Run the full diagnosis…</source>
        <translation>Lancer le diagnostic complet…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="79"/>
        <source>Sample territory (AULA)</source>
        <translation>Territoire d&apos;exemple (AULA)</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="93"/>
        <source>Save as the layer&apos;s default style in its GeoPackage</source>
        <translation>Enregistrer comme style par défaut de la couche dans son GeoPackage</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="75"/>
        <source>Score field</source>
        <translation>Champ du score</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="70"/>
        <location filename="../../processing/export_layout.py" line="62"/>
        <source>Scored commune layer</source>
        <translation>Couche des communes avec scores</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="75"/>
        <source>Scored communes</source>
        <translation>Communes avec scores</translation>
    </message>
    <message>
        <location filename="../../processing/centrality_score.py" line="45"/>
        <source>Scores every commune on the four functions of centrality — Habiter, Travailler, Consommer, Services — from an indicator profile (JSON; empty = the built-in AULA 360° profile on INSEE&apos;s comparator base and BPE domains).

Method: each indicator is computed from the layer&apos;s columns (ratio, per 1,000 inhabitants, share, density per km², annual growth rate, difference), optionally log-transformed (log(1+x)), then normalised min-max to 0–100 over the layer (reversed when its direction is &apos;-&apos;). A function&apos;s mean is the weighted mean of its indicators; the composite is the weighted mean of the four function means. Sub-scores and composite are then each re-expressed on 0–100 over the layer (100 = the highest commune).

Output fields: score_habiter, score_travailler, score_consommer, score_services, score_centralite (0–100), rang (1 = most central), niveau and niveau_code (1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité, by the profile&apos;s thresholds on the composite), donnees_manquantes (indicators missing or imputed). A missing value follows the indicator&apos;s policy: reweight (left out, the others&apos; weights re-spread), zero, or the median. A commune with no data at all is kept with empty scores and counted in the log.</source>
        <translation>Calcule pour chaque commune un score sur les quatre fonctions de centralité — Habiter, Travailler, Consommer, Services — à partir d&apos;un profil d&apos;indicateurs (JSON ; vide = profil AULA 360° intégré, fondé sur la base du comparateur de territoires de l&apos;INSEE et les domaines de la BPE).

Méthode : chaque indicateur est calculé à partir des colonnes de la couche (ratio, pour 1 000 habitants, part, densité au km², taux de croissance annuel, différence), éventuellement transformé en logarithme (log(1+x)), puis normalisé min-max sur 0–100 à l&apos;échelle de la couche (inversé lorsque sa direction est &apos;-&apos;). La moyenne d&apos;une fonction est la moyenne pondérée de ses indicateurs ; le score composite est la moyenne pondérée des moyennes des quatre fonctions. Les sous-scores et le score composite sont ensuite chacun ramenés sur 0–100 à l&apos;échelle de la couche (100 = la commune au score le plus élevé).

Champs en sortie : score_habiter, score_travailler, score_consommer, score_services, score_centralite (0–100), rang (1 = la commune la plus centrale), niveau et niveau_code (1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité, selon les seuils du profil appliqués au score composite), donnees_manquantes (nombre d&apos;indicateurs manquants ou imputés). Une valeur manquante suit la règle de l&apos;indicateur : reweight (indicateur écarté, poids des autres redistribués), zero (valeur nulle) ou median (médiane du territoire). Une commune sans aucune donnée est conservée avec des scores vides et comptée dans le journal.</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="126"/>
        <source>Services</source>
        <translation>Services</translation>
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
        <location filename="../../processing/styling.py" line="86"/>
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
        <location filename="../../processing/join_tables.py" line="68"/>
        <source>Tables to join (files or table layers)</source>
        <translation>Tables à joindre (fichiers ou couches sans géométrie)</translation>
    </message>
    <message>
        <location filename="../../processing/export_layout.py" line="132"/>
        <source>The PNG file {path} could not be written: check that the folder exists and is writable.</source>
        <translation>Impossible d&apos;écrire le fichier PNG {path} : vérifiez que le dossier existe et qu&apos;il est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../processing/apply_style.py" line="103"/>
        <location filename="../../processing/centrality_score.py" line="80"/>
        <location filename="../../processing/export_layout.py" line="87"/>
        <location filename="../../processing/join_tables.py" line="82"/>
        <source>The commune layer could not be read.</source>
        <translation>Impossible de lire la couche des communes.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="86"/>
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
        <location filename="../../processing/centrality_score.py" line="110"/>
        <location filename="../../processing/join_tables.py" line="125"/>
        <source>The output layer could not be created.</source>
        <translation>Impossible de créer la couche en sortie.</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="84"/>
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
        <location filename="../../processing/export_layout.py" line="63"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../processing/styling.py" line="126"/>
        <source>Travailler</source>
        <translation>Travailler</translation>
    </message>
    <message>
        <source>{count} commune(s) have no indicator value at all: kept, with empty scores.</source>
        <translation type="vanished">{count} commune(s) sans aucune valeur d&apos;indicateur : conservée(s), avec des scores vides.</translation>
    </message>
    <message>
        <location filename="../../processing/join_tables.py" line="152"/>
        <source>{entry}: neither a CSV file nor a table QGIS can open.</source>
        <translation>{entry} : ni un fichier CSV, ni une table que QGIS sait ouvrir.</translation>
    </message>
    <message>
        <location filename="../../processing/frames.py" line="161"/>
        <source>{label}: the field &apos;{name}&apos; is not in the layer. Fields found: {names}.</source>
        <translation>{label} : le champ « {name} » n&apos;est pas dans la couche. Champs présents : {names}.</translation>
    </message>
</context>
</TS>
