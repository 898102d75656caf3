<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>Centralites</name>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="152"/>
        <source>  INSEE data recognised: {description}.</source>
        <translation>  Données INSEE reconnues : {description}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="312"/>
        <source>  {territory}: {rose} rose, {fell} fell, {held} held</source>
        <translation>  {territory} : {rose} progressent, {fell} reculent, {held} stables</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="104"/>
        <source>%/yr</source>
        <translation>%/an</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="106"/>
        <source>%1 to %2</source>
        <translation>%1 à %2</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="75"/>
        <source>&amp;Centralités</source>
        <translation>&amp;Centralités</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="322"/>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="492"/>
        <source>(no reference commune)</source>
        <translation>(pas de commune de référence)</translation>
    </message>
    <message>
        <location filename="../../processing/base.py" line="55"/>
        <source>1 — Data</source>
        <translation>1 — Données</translation>
    </message>
    <message>
        <location filename="../../processing/base.py" line="55"/>
        <source>2 — Diagnosis</source>
        <translation>2 — Diagnostic</translation>
    </message>
    <message>
        <location filename="../../processing/base.py" line="55"/>
        <source>3 — Cartography</source>
        <translation>3 — Cartographie</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="73"/>
        <source>; {merged} unmatched codes look like communes merged since</source>
        <translation> ; {merged} codes sans correspondance semblent être des communes fusionnées depuis</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="318"/>
        <source>A change between two dates: the panel shows the later date, and the “Change between dates” tab both. The weights are those of the run: run “Centrality change between two dates” again to change them.</source>
        <translation>Une évolution entre deux dates : le panneau montre la date la plus récente, et l&apos;onglet « Évolution entre deux dates » les deux. Les pondérations sont celles du calcul : relancez « Évolution de la centralité entre deux dates » pour les changer.</translation>
    </message>
    <message>
        <location filename="../profiles/modele_vierge.json" line="34"/>
        <source>A density</source>
        <translation>Une densité</translation>
    </message>
    <message>
        <location filename="../profiles/modele_vierge.json" line="25"/>
        <source>A plain column</source>
        <translation>Une colonne telle quelle</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="140"/>
        <source>A reference commune shown next to the selected one</source>
        <translation>Une commune de référence montrée à côté de la commune sélectionnée</translation>
    </message>
    <message>
        <location filename="../profiles/modele_vierge.json" line="71"/>
        <source>A share (%) counted against centrality</source>
        <translation>Une part (%) comptée contre la centralité</translation>
    </message>
    <message>
        <location filename="../../processing/table_inputs.py" line="74"/>
        <source>A table was given as a layer QGIS cannot open again (a layer without a source): save it to a file or add it to the project, then run again.</source>
        <translation>Une table a été donnée comme une couche que QGIS ne peut pas rouvrir (une couche sans source) : enregistrez-la dans un fichier ou ajoutez-la au projet, puis relancez.</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="318"/>
        <source>AN column</source>
        <translation>colonne AN</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="318"/>
        <source>AN column, year chosen</source>
        <translation>colonne AN, année choisie</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="68"/>
        <source>Add a TOTAL row</source>
        <translation>Ajouter une ligne TOTAL</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="88"/>
        <location filename="../../processing/profile_inputs.py" line="24"/>
        <source>Against France (national goalposts)</source>
        <translation>Par rapport à la France (bornes nationales)</translation>
    </message>
    <message>
        <location filename="../../processing/profile_inputs.py" line="27"/>
        <source>Aggregation</source>
        <translation>Agrégation</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="91"/>
        <source>Aggregations drawn from</source>
        <translation>Agrégations tirées parmi</translation>
    </message>
    <message>
        <location filename="../../core/change.py" line="50"/>
        <source>All communes</source>
        <translation>Toutes les communes</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_inrae_anct.json" line="45"/>
        <source>All equipment (BPE A-G)</source>
        <translation>Tous équipements (BPE A-G)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="496"/>
        <source>All intercommunalities</source>
        <translation>Toutes les intercommunalités</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="267"/>
        <source>All its functions are at or above the territory&apos;s median: the furthest ahead is {best} ({best_score}, median {best_median}), the least {worst} ({worst_score}, median {worst_median}).</source>
        <translation>Toutes ses fonctions sont à la médiane du territoire ou au-dessus : la plus en avance est {best} ({best_score}, médiane {best_median}), la moins {worst} ({worst_score}, médiane {worst_median}).</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="273"/>
        <source>All its functions are at or below the territory&apos;s median: the closest is {best} ({best_score}, median {best_median}), the furthest behind {worst} ({worst_score}, median {worst_median}).</source>
        <translation>Toutes ses fonctions sont à la médiane du territoire ou en dessous : la plus proche est {best} ({best_score}, médiane {best_median}), la plus en retrait {worst} ({worst_score}, médiane {worst_median}).</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="229"/>
        <source>All levels</source>
        <translation>Tous les niveaux</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="148"/>
        <source>Also one PDF per commune in this folder (optional)</source>
        <translation>Aussi un PDF par commune dans ce dossier (facultatif)</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="97"/>
        <location filename="../profiles/aula_360_gammes.json" line="97"/>
        <source>Annual job growth {previous}-{census} (%)</source>
        <translation>Évolution annuelle de l&apos;emploi {previous}-{census} (%)</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="40"/>
        <location filename="../profiles/aula_360_gammes.json" line="40"/>
        <location filename="../profiles/modele_vierge.json" line="47"/>
        <source>Annual population growth {previous}-{census} (%)</source>
        <translation>Évolution annuelle de la population {previous}-{census} (%)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="69"/>
        <source>Apply the centrality style</source>
        <translation>Appliquer le style de centralité</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="84"/>
        <source>Apply the centrality style…</source>
        <translation>Appliquer le style de centralité…</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="92"/>
        <location filename="../../processing/profile_inputs.py" line="28"/>
        <source>Arithmetic (compensatory)</source>
        <translation>Arithmétique (compensatoire)</translation>
    </message>
    <message>
        <location filename="../../processing/profile_inputs.py" line="23"/>
        <location filename="../../processing/profile_inputs.py" line="28"/>
        <location filename="../../processing/profile_inputs.py" line="32"/>
        <source>As in the profile</source>
        <translation>Comme dans le profil</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="118"/>
        <source>Atlas: one page per value of this field (empty: a single page)</source>
        <translation>Atlas : une page par valeur de ce champ (vide : une seule page)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="225"/>
        <source>Atlas: {count} pages.</source>
        <translation>Atlas : {count} pages.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="87"/>
        <source>BPE file (long layout: DEPCOM or DCIRIS, TYPEQU, NB_EQUIP; or one row per equipment)</source>
        <translation>Fichier BPE (format long : DEPCOM ou DCIRIS, TYPEQU, NB_EQUIP ; ou une ligne par équipement)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="269"/>
        <source>BPE nomenclature: {before} equipment types of {first} only and {after} of {second} only left out of both dates ({types}); {kept} types compared.</source>
        <translation>Nomenclature de la BPE : {before} types d&apos;équipements présents seulement dans {first} et {after} seulement dans {second} écartés aux deux dates ({types}) ; {kept} types comparés.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="110"/>
        <source>BPE of the earlier date (long layout, e.g. BPE 2013)</source>
        <translation>BPE de la date antérieure (format long, p. ex. BPE 2013)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="112"/>
        <source>BPE of the later date (long layout, e.g. BPE 2019)</source>
        <translation>BPE de la date récente (format long, p. ex. BPE 2019)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="102"/>
        <source>BPE report</source>
        <translation>Rapport BPE</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="126"/>
        <source>BPE report (rows left out, communes merged)</source>
        <translation>Rapport BPE (lignes écartées, communes fusionnées)</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="168"/>
        <source>BPE year unknown (no AN column, no year given, none in the file name): the {chosen} gamme lists used, the latest shipped</source>
        <translation>année de la BPE inconnue (pas de colonne AN, pas d&apos;année indiquée, aucune dans le nom du fichier) : listes des gammes de {chosen} utilisées, les plus récentes fournies</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="175"/>
        <source>BPE {year} ({origin}): gammes of {year}</source>
        <translation>BPE {year} ({origin}) : gammes de {year}</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="180"/>
        <source>BPE {year} ({origin}): no list shipped for {year} or before, the {chosen} lists used (the latest shipped)</source>
        <translation>BPE {year} ({origin}) : aucune liste fournie pour {year} ni avant, listes de {chosen} utilisées (les plus récentes fournies)</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="177"/>
        <source>BPE {year} ({origin}): no list shipped for {year}, the {chosen} lists used (the nearest earlier year)</source>
        <translation>BPE {year} ({origin}) : aucune liste fournie pour {year}, listes de {chosen} utilisées (l&apos;année antérieure la plus proche)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="191"/>
        <source>Back to the profile&apos;s weights</source>
        <translation>Revenir aux pondérations du profil</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="117"/>
        <source>Bars</source>
        <translation>Barres</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="172"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="139"/>
        <source>By code</source>
        <translation>Par code</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="139"/>
        <source>By name</source>
        <translation>Par nom</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="139"/>
        <source>By rank</source>
        <translation>Par rang</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="170"/>
        <source>Centrality</source>
        <translation>Centralité</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="122"/>
        <source>Centrality change</source>
        <translation>Évolution de la centralité</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="68"/>
        <source>Centrality change between two dates</source>
        <translation>Évolution de la centralité entre deux dates</translation>
    </message>
    <message>
        <location filename="../../processing/provider.py" line="27"/>
        <source>Centrality diagnosis (join, score, style, map)</source>
        <translation>Diagnostic de centralité (jointure, score, style, carte)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="104"/>
        <location filename="../../processing/algorithms/export_layout.py" line="168"/>
        <location filename="../../processing/algorithms/export_layout.py" line="258"/>
        <source>Centrality of communes</source>
        <translation>Centralité des communes</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="170"/>
        <location filename="../../processing/qpt_layouts.py" line="264"/>
        <source>Centrality score</source>
        <translation>Score de centralité</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="42"/>
        <source>Centrality score (four functions)</source>
        <translation>Score de centralité (quatre fonctions)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="248"/>
        <source>Centrality score style</source>
        <translation>Style du score de centralité</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="82"/>
        <source>Centrality score…</source>
        <translation>Score de centralité…</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="63"/>
        <location filename="../../plugin.py" line="76"/>
        <location filename="../../plugin.py" line="139"/>
        <location filename="../../processing/algorithms/apply_style.py" line="241"/>
        <location filename="../../ui/dock.py" line="85"/>
        <location filename="../../ui/dock.py" line="683"/>
        <source>Centralités</source>
        <translation>Centralités</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="31"/>
        <source>Centralités needs the Python package(s) {names}, missing from this QGIS. On Windows: run the OSGeo4W setup and install python3-{first} (or &apos;pip install {names_pip}&apos; in the OSGeo4W shell); on Debian or Ubuntu: sudo apt install python3-{first}. Then restart QGIS.</source>
        <translation>Centralités a besoin du ou des paquets Python {names}, absents de ce QGIS. Sous Windows : lancez l&apos;installateur OSGeo4W et installez python3-{first} (ou « pip install {names_pip} » dans le shell OSGeo4W) ; sous Debian ou Ubuntu : sudo apt install python3-{first}. Redémarrez ensuite QGIS.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="254"/>
        <source>Centralités stopped on an unexpected error ({kind}: {error}); no output was written. This is a bug: please report it with the log.</source>
        <translation>Centralités s&apos;est arrêté sur une erreur inattendue ({kind} : {error}) ; aucune sortie n&apos;a été écrite. C&apos;est un bogue : merci de le signaler avec le journal.</translation>
    </message>
    <message>
        <location filename="../../processing/provider.py" line="45"/>
        <source>Centralités {version} — centrality diagnosis of communes</source>
        <translation>Centralités {version} — diagnostic de centralité des communes</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="135"/>
        <source>Change</source>
        <translation>Évolution</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="338"/>
        <source>Change between dates</source>
        <translation>Évolution entre deux dates</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="264"/>
        <source>Change between two dates</source>
        <translation>Évolution entre deux dates</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="101"/>
        <source>Change between two dates (centrality_change: gains and losses)</source>
        <translation>Évolution entre deux dates (centrality_change : gains et pertes)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="266"/>
        <location filename="../../ui/dock.py" line="338"/>
        <source>Change by level</source>
        <translation>Évolution par niveau</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="260"/>
        <source>Change in centrality between two dates</source>
        <translation>Évolution de la centralité entre deux dates</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="259"/>
        <source>Change in centrality, {period}</source>
        <translation>Évolution de la centralité, {period}</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="327"/>
        <source>Change of population and jobs: the layer has no census columns of two years ({columns}).</source>
        <translation>Évolution de la population et des emplois : la couche n&apos;a pas les colonnes de deux recensements ({columns}).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="264"/>
        <source>Change {period}</source>
        <translation>Évolution {period}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="125"/>
        <source>Chart of the leading communes&apos; four functions</source>
        <translation>Graphique des quatre fonctions des communes les plus centrales</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="292"/>
        <source>Chart of the leading communes: {paths}</source>
        <translation>Graphique des communes les plus centrales : {paths}</translation>
    </message>
    <message>
        <location filename="../../core/sensitivity.py" line="163"/>
        <source>Choose at least one normalisation and one aggregation to draw from.</source>
        <translation>Choisissez au moins une normalisation et une agrégation parmi lesquelles tirer.</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="vanished">Méthode de classification</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="148"/>
        <location filename="../../processing/algorithms/apply_style.py" line="158"/>
        <source>Classes: {classes}</source>
        <translation>Classes : {classes}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="109"/>
        <source>Classification method</source>
        <translation>Méthode de classification</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="81"/>
        <source>Coding of the reference field</source>
        <translation>Codage du champ de référence</translation>
    </message>
    <message>
        <location filename="../../core/summary.py" line="52"/>
        <source>Column &apos;{column}&apos; holds no numbers: choose a numeric column to sum or average.</source>
        <translation>La colonne « {column} » ne contient aucun nombre : choisissez une colonne numérique à additionner ou à moyenner.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="423"/>
        <source>Columns matched whatever their case: {pairs}.</source>
        <translation>Colonnes reconnues sans tenir compte de la casse : {pairs}.</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="121"/>
        <source>Columns of several editions of INSEE&apos;s comparateur side by side ({seen}): a profile that names its columns by their role (P{{census}}_POP…) cannot tell which to use. Join one edition only, or name the columns in the profile.</source>
        <translation>Colonnes de plusieurs éditions du comparateur de l&apos;INSEE côte à côte ({seen}) : un profil qui désigne ses colonnes par leur rôle (P{{census}}_POP…) ne peut savoir lesquelles utiliser. Joignez une seule édition, ou nommez les colonnes dans le profil.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="96"/>
        <source>Columns to join, separated by commas (empty: all)</source>
        <translation>Colonnes à joindre, séparées par des virgules (vide : toutes)</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="141"/>
        <location filename="../profiles/aula_360_gammes.json" line="141"/>
        <source>Commerce, transport and services establishments {establishments}</source>
        <translation>Établissements de commerce, transports et services {establishments}</translation>
    </message>
    <message>
        <location filename="../../ui/ranking.py" line="29"/>
        <source>Commune</source>
        <translation>Commune</translation>
    </message>
    <message>
        <source>Commune (colours) and territory mean (grey)</source>
        <translation type="vanished">Commune (en couleur) et moyenne du territoire (en gris)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="117"/>
        <location filename="../../processing/algorithms/centrality_change.py" line="156"/>
        <location filename="../../processing/algorithms/compare_levels.py" line="73"/>
        <location filename="../../processing/algorithms/compare_levels.py" line="101"/>
        <location filename="../../processing/profile_inputs.py" line="78"/>
        <source>Commune code field</source>
        <translation>Champ du code INSEE</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="122"/>
        <location filename="../../processing/algorithms/sensitivity.py" line="97"/>
        <source>Commune code field (for the reference commune)</source>
        <translation>Champ du code INSEE (pour la commune de référence)</translation>
    </message>
    <message>
        <location filename="../../core/agreement.py" line="47"/>
        <source>Commune codes appear more than once in the layer ({codes}): one level per commune is compared.</source>
        <translation>Des codes de commune apparaissent plusieurs fois dans la couche ({codes}) : un seul niveau par commune est comparé.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="77"/>
        <source>Commune layer</source>
        <translation>Couche des communes</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="133"/>
        <source>Commune name field (empty: NOM, NOM_COM or LIBGEO)</source>
        <translation>Champ du nom de la commune (vide : NOM, NOM_COM ou LIBGEO)</translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="31"/>
        <source>Commune sheet (PDF)</source>
        <translation>Fiche communale (PDF)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="92"/>
        <source>Commune sheets (PDF, one page per commune)</source>
        <translation>Fiches communales (PDF, une page par commune)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="53"/>
        <location filename="../../ui/change_table.py" line="42"/>
        <location filename="../../ui/charts.py" line="126"/>
        <source>Communes</source>
        <translation>Communes</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="208"/>
        <source>Communes below the profile&apos;s data floor, not scored (kept, with empty scores; their missing indicators in indicateurs_manquants): {count}. A commune is scored on at least {functions} functions, each with at least {share:.0%} of its indicators.</source>
        <translation>Communes sous le seuil de données du profil, non notées (conservées, avec des scores vides ; leurs indicateurs manquants dans indicateurs_manquants) : {count}. Une commune est notée sur au moins {functions} fonctions, chacune avec au moins {share:.0%} de ses indicateurs.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="91"/>
        <source>Communes compared</source>
        <translation>Communes comparées</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="284"/>
        <source>Communes merged since, summed onto today&apos;s commune through the table de passage: {count} ({codes}); field communes_fusionnees.</source>
        <translation>Communes fusionnées depuis, sommées sur la commune actuelle par la table de passage : {count} ({codes}) ; champ communes_fusionnees.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="317"/>
        <source>Communes not scored at one of the dates (kept, with empty changes): {count}.</source>
        <translation>Communes non notées à l&apos;une des dates (conservées, évolutions vides) : {count}.</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="97"/>
        <source>Communes of the sheets</source>
        <translation>Communes des fiches</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="199"/>
        <source>Communes per level:</source>
        <translation>Communes par niveau :</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="309"/>
        <source>Communes that rose, fell, held a level:</source>
        <translation>Communes qui progressent, reculent ou gardent leur niveau :</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="86"/>
        <source>Communes two levels apart or more</source>
        <translation>Communes à deux niveaux d&apos;écart ou plus</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="216"/>
        <source>Communes with at least one missing or imputed indicator (field donnees_manquantes): {count}.</source>
        <translation>Communes avec au moins un indicateur manquant ou imputé (champ donnees_manquantes) : {count}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="112"/>
        <location filename="../../processing/algorithms/sensitivity.py" line="72"/>
        <source>Communes with joined indicators</source>
        <translation>Communes avec indicateurs joints</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="70"/>
        <source>Communes with levels</source>
        <translation>Communes avec niveaux</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="101"/>
        <source>Communes with rank bands</source>
        <translation>Communes avec bandes de rangs</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="106"/>
        <source>Communes with the comparateur joined</source>
        <translation>Communes avec le comparateur joint</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="136"/>
        <source>Communes without a level (not compared): {count}.</source>
        <translation>Communes sans niveau (non comparées) : {count}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="139"/>
        <source>Communes without a reference level (not compared): {count}.</source>
        <translation>Communes sans niveau de référence (non comparées) : {count}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="205"/>
        <source>Communes without any indicator value (kept, with empty scores): {count}.</source>
        <translation>Communes sans aucune valeur d&apos;indicateur (conservées, scores vides) : {count}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="49"/>
        <source>Compare levels with a reference classification</source>
        <translation>Comparer les niveaux à une classification de référence</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="134"/>
        <source>Compare with</source>
        <translation>Comparer avec</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="52"/>
        <source>Compares the levels of a commune layer (niveau_code, 1 majeure … 5 hors centralité, from the centrality score) with a reference classification of the same communes: by default the INRAE/ANCT 2021 levels of centres shipped with the plugin (resources/reference, Licence Ouverte 2.0), or any field of the layer (REFERENCE_FIELD), coded like niveau_code or like the ANCT (4 majeur … 0 non centre).

Over the communes that have both levels: the exact agreement (share at the same level) and Cohen&apos;s weighted kappa κ = 1 − Σ w·O / Σ w·E, O the observed confusion matrix, E the one chance gives (the product of its margins), with disagreement weights w = |i − j| (linear) and (i − j)² (quadratic): 1 is perfect agreement, 0 what chance gives.

Outputs: the confusion matrix (one row per level of the layer, one column per reference level), the communes two levels apart or more with their geometry (DIFFERENCES), a picture of the matrix (CHART, PNG), and the figures as numbers (KAPPA_QUADRATIC, KAPPA_LINEAR, AGREEMENT, COMPARED) for a model. Communes without a level or without a reference level are counted in the log, not compared.</source>
        <translation>Compare les niveaux d&apos;une couche de communes (niveau_code, 1 majeure … 5 hors centralité, issus du score de centralité) à une classification de référence des mêmes communes : par défaut les niveaux de centres INRAE/ANCT 2021 fournis avec l&apos;extension (resources/reference, Licence Ouverte 2.0), ou tout champ de la couche (REFERENCE_FIELD), codé comme niveau_code ou comme l&apos;ANCT (4 majeur … 0 non centre).

Sur les communes qui ont les deux niveaux : l&apos;accord exact (part des communes au même niveau) et le kappa pondéré de Cohen κ = 1 − Σ w·O / Σ w·E, O la matrice de confusion observée, E celle que donne le hasard (le produit de ses marges), avec les poids de désaccord w = |i − j| (linéaires) et (i − j)² (quadratiques) : 1 est l&apos;accord parfait, 0 ce que donne le hasard.

Sorties : la matrice de confusion (une ligne par niveau de la couche, une colonne par niveau de référence), les communes à deux niveaux d&apos;écart ou plus avec leur géométrie (DIFFERENCES), une image de la matrice (CHART, PNG), et les chiffres en nombres (KAPPA_QUADRATIC, KAPPA_LINEAR, AGREEMENT, COMPARED) pour un modèle. Les communes sans niveau ou sans niveau de référence sont comptées dans le journal, non comparées.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="179"/>
        <source>Composite score</source>
        <translation>Score composite</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="277"/>
        <source>Composite score (0–100)</source>
        <translation>Score composite (0–100)</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="125"/>
        <source>Composite score (click a bar to select its communes)</source>
        <translation>Score composite (cliquer sur une barre pour sélectionner ses communes)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="100"/>
        <source>Composite score (graduated)</source>
        <translation>Score composite (symbologie graduée)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="262"/>
        <source>Composite score at the two dates on one scale, change in points; ▲ ▼ main centres whose level of centrality rose or fell</source>
        <translation>Score composite aux deux dates sur une même échelle, évolution en points ; ▲ ▼ principales centralités dont le niveau a progressé ou reculé</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="107"/>
        <location filename="../../processing/algorithms/export_layout.py" line="261"/>
        <source>Composite score of the four functions: Habiter, Travailler, Consommer, Services</source>
        <translation>Score composite des quatre fonctions : Habiter, Travailler, Consommer, Services</translation>
    </message>
    <message>
        <source>Composite score of the four functions: live, work, shop, services</source>
        <translation type="vanished">Score composite des quatre fonctions : Habiter, Travailler, Consommer, Services</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="246"/>
        <source>Composite score {score}/100</source>
        <translation>Score composite {score}/100</translation>
    </message>
    <message>
        <location filename="../../processing/change_map.py" line="33"/>
        <source>Composite score, change in points</source>
        <translation>Score composite, évolution en points</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="321"/>
        <source>Composite score: {gained} communes gained points, {lost} lost some (median change {median:+.1f} points).</source>
        <translation>Score composite : {gained} communes gagnent des points, {lost} en perdent (évolution médiane {median:+.1f} points).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="188"/>
        <location filename="../../processing/profile_inputs.py" line="90"/>
        <source>Computing ellipsoidal areas for densities…</source>
        <translation>Calcul des surfaces ellipsoïdales pour les densités…</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="84"/>
        <source>Confusion matrix</source>
        <translation>Matrice de confusion</translation>
    </message>
    <message>
        <location filename="../../core/vocabulary.py" line="22"/>
        <source>Consommer</source>
        <translation>Consommer</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="121"/>
        <source>Context layer of the inset on a single page (empty: the départements of metropolitan France, shipped with the plugin)</source>
        <translation>Couche de contexte du carton de localisation sur une page unique (vide : les départements de France métropolitaine, fournis avec l&apos;extension)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="247"/>
        <source>Copy table</source>
        <translation>Copier le tableau</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="248"/>
        <source>Copy the visible rows as CSV, to paste into a spreadsheet</source>
        <translation>Copier les lignes affichées en CSV, à coller dans un tableur</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="54"/>
        <source>Count BPE equipment per commune</source>
        <translation>Dénombrer les équipements de la BPE par commune</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="63"/>
        <source>Count fields to sum (empty: the population)</source>
        <translation>Champs d&apos;effectifs à additionner (vide : la population)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="96"/>
        <source>Count the arrondissements of Paris, Lyon and Marseille in their commune</source>
        <translation>Compter les arrondissements de Paris, Lyon et Marseille dans leur commune</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="152"/>
        <source>Dates: census {before} and census {after} ({description}).</source>
        <translation>Dates : recensement {before} et recensement {after} ({description}).</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="31"/>
        <location filename="../profiles/aula_360_gammes.json" line="31"/>
        <source>Density {census} (inhabitants per km²)</source>
        <translation>Densité {census} (habitants par km²)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="229"/>
        <source>Diagrams are sized by population: choose the population field.</source>
        <translation>La taille des diagrammes suit la population : choisissez le champ de population.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="117"/>
        <source>Diagrams of the four functions</source>
        <translation>Diagrammes des quatre fonctions</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="80"/>
        <source>Dirichlet</source>
        <translation>Dirichlet</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="88"/>
        <location filename="../../processing/profile_inputs.py" line="24"/>
        <source>Distance to a reference commune</source>
        <translation>Distance à une commune de référence</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360_gammes.json" line="166"/>
        <location filename="../profiles/equipements_diversite.json" line="73"/>
        <source>Distinct equipment types (TYPEQU)</source>
        <translation>Types d&apos;équipements distincts (TYPEQU)</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="185"/>
        <source>Départements</source>
        <translation>Départements</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="155"/>
        <source>Earlier date</source>
        <translation>Date ancienne</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="174"/>
        <location filename="../profiles/equipements_inrae_anct.json" line="19"/>
        <source>Education equipment (BPE C)</source>
        <translation>Équipements d&apos;enseignement (BPE C)</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360_gammes.json" line="182"/>
        <source>Equipment of the higher gamme</source>
        <translation>Équipements de la gamme supérieure</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360_gammes.json" line="174"/>
        <source>Equipment of the intermediate gamme</source>
        <translation>Équipements de la gamme intermédiaire</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="153"/>
        <location filename="../profiles/aula_360_gammes.json" line="153"/>
        <source>Equipment outside shops (BPE A, C-G)</source>
        <translation>Équipements hors commerces (BPE A, C-G)</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="182"/>
        <source>Equipment outside shops per 1,000 inhabitants</source>
        <translation>Équipements hors commerces pour 1 000 habitants</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="97"/>
        <source>Equipment per commune</source>
        <translation>Équipements par commune</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_diversite.json" line="61"/>
        <source>Equipment types of the higher gamme present</source>
        <translation>Types d&apos;équipements de la gamme supérieure présents</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_diversite.json" line="49"/>
        <source>Equipment types of the intermediate gamme present</source>
        <translation>Types d&apos;équipements de la gamme intermédiaire présents</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_diversite.json" line="37"/>
        <source>Equipment types of the proximity gamme present</source>
        <translation>Types d&apos;équipements de la gamme de proximité présents</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="99"/>
        <source>Equipments as points (point-level BPE files)</source>
        <translation>Équipements en points (fichiers BPE à l&apos;équipement)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="233"/>
        <source>Every indicator has the same value for every commune: the scores cannot tell the communes apart (every commune gets the same score and level). Check the joined columns.</source>
        <translation>Chaque indicateur a la même valeur pour toutes les communes : les scores ne peuvent pas distinguer les communes (toutes reçoivent le même score et le même niveau). Vérifiez les colonnes jointes.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="91"/>
        <source>Exact agreement</source>
        <translation>Accord exact</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="175"/>
        <source>Existing fields replaced by the new scores: {fields}</source>
        <translation>Champs existants remplacés par les nouveaux scores : {fields}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="224"/>
        <location filename="../../processing/algorithms/sensitivity.py" line="126"/>
        <source>Existing fields replaced: {fields}</source>
        <translation>Champs existants remplacés : {fields}</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="88"/>
        <source>Explore the scores (panel)</source>
        <translation>Explorer les scores (panneau)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="677"/>
        <source>Export charts</source>
        <translation>Exporter les graphiques</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="252"/>
        <source>Export charts…</source>
        <translation>Exporter les graphiques…</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="71"/>
        <source>Export the centrality map (PDF layout)</source>
        <translation>Exporter la carte de centralité (mise en page PDF)</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="86"/>
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
        <source>Exports a landscape print layout (A4 or A3) of a scored commune layer: title, subtitle, map, legend, scale bar, north arrow, the outlines of the intercommunalities (or of any grouping field) and a sources line with the date, to PDF and optionally PNG.

Atlas: with an atlas field, one page per value (e.g. per intercommunality) in a single PDF, each page titled with the value, zoomed on it, with an inset map locating it in the whole territory; the PNG is then one file per page, numbered.

The layer keeps its own style when it has one on the score (as set by “Apply the centrality style” or stored in its GeoPackage); otherwise the centrality style is applied to the map. The layer and the current project are not modified.</source>
        <translation type="vanished">Exporte une mise en page au format paysage (A4 ou A3) d&apos;une couche de communes avec scores : titre, sous-titre, carte, légende, barre d&apos;échelle, flèche du nord, contours des intercommunalités (ou de tout champ de regroupement) et ligne des sources avec la date, en PDF et, en option, en PNG.

Atlas : avec un champ d&apos;atlas, une page par valeur (par ex. par intercommunalité) dans un seul PDF, chaque page titrée par la valeur, centrée sur elle, avec une carte de situation dans l&apos;ensemble du territoire ; le PNG est alors un fichier par page, numéroté.

La couche garde son propre style si elle en a un sur le score (appliqué par « Appliquer le style de centralité » ou enregistré dans son GeoPackage) ; sinon le style de centralité est appliqué à la carte. La couche et le projet en cours ne sont pas modifiés.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="74"/>
        <source>Exports a landscape print layout (A4 or A3) of a scored commune layer: title, subtitle, map, legend, scale bar, north arrow, the outlines of the intercommunalities (or of any grouping field), a chart of the ten most central communes&apos; four functions (drawn with pyqtgraph when it is installed), a sources line and the date, to PDF and optionally PNG and SVG. The layout comes from the templates shipped in the plugin&apos;s resources/layouts folder, or from your own .qpt template keeping the same item ids (title, subtitle, map, legend, scalebar, north_arrow, inset, chart, sources, date).

Atlas: with an atlas field, one page per value (e.g. per intercommunality) in a single PDF, each page titled with the value, zoomed on it, the other groups faded, with an inset map locating it in the whole territory and the chart of its own leading communes; the PNG and SVG are then one file per page, numbered. On a single page, the inset locates the territory in the context layer you give (e.g. the départements).

The layer keeps its own style when it has one on the score (as set by “Apply the centrality style” or stored in its GeoPackage); otherwise the centrality style is applied to the map. The layer is not modified. In QGIS desktop, the layout is also added to the project (Project → Layouts) to be edited.

A change between two dates (the output of “Centrality change between two dates”) is drawn with the change style (gains in blue, losses in red, a neutral band drawn as stable), titled with its two census years (unless you give a title), the main centres whose level moved marked ▲ (rose) or ▼ (fell) and named with the same sign, and the chart shows the largest gains and losses of the composite.</source>
        <translation>Exporte une mise en page au format paysage (A4 ou A3) d&apos;une couche de communes avec scores : titre, sous-titre, carte, légende, barre d&apos;échelle, flèche du nord, contours des intercommunalités (ou de tout champ de regroupement), graphique des quatre fonctions des dix communes les plus centrales (dessiné avec pyqtgraph s&apos;il est installé), ligne des sources et date, en PDF et, en option, en PNG et en SVG. La mise en page vient des modèles livrés dans le dossier resources/layouts de l&apos;extension, ou de votre propre modèle .qpt gardant les mêmes identifiants d&apos;objets (title, subtitle, map, legend, scalebar, north_arrow, inset, chart, sources, date).

Atlas : avec un champ d&apos;atlas, une page par valeur (par ex. par intercommunalité) dans un seul PDF, chaque page titrée par la valeur, centrée sur elle, les autres groupes estompés, avec une carte de situation dans l&apos;ensemble du territoire et le graphique de ses propres communes les plus centrales ; le PNG et le SVG sont alors un fichier par page, numéroté. Sur une page unique, la carte de situation place le territoire dans la couche de contexte fournie (par ex. les départements).

La couche garde son propre style si elle en a un sur le score (appliqué par « Appliquer le style de centralité » ou enregistré dans son GeoPackage) ; sinon le style de centralité est appliqué à la carte. La couche n&apos;est pas modifiée. Dans QGIS Desktop, la mise en page est aussi ajoutée au projet (Projet → Mises en page) pour être retouchée.

Une évolution entre deux dates (la sortie de « Évolution de la centralité entre deux dates ») est dessinée avec le style de l&apos;évolution (gains en bleu, pertes en rouge, une bande neutre dessinée comme stable), titrée avec ses deux années de recensement (sauf si vous donnez un titre), les principales centralités dont le niveau a changé marquées ▲ (progresse) ou ▼ (recule) et nommées avec le même signe, et le graphique montre les plus forts gains et les plus fortes pertes du composite.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="114"/>
        <source>Field</source>
        <translation>Champ</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="85"/>
        <source>Fields to sum or average</source>
        <translation>Champs à additionner ou à moyenner</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="110"/>
        <source>Fixed bounds</source>
        <translation>Bornes fixes</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="112"/>
        <source>Fixed bounds, between 0 and 100 (e.g. 35, 52, 72, 88)</source>
        <translation>Bornes fixes, entre 0 et 100 (par ex. 35, 52, 72, 88)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="216"/>
        <source>Fixed bounds: give numbers between 0 and 100 separated by spaces or semicolons, e.g. 35; 52; 72; 88 (got &apos;{text}&apos;).</source>
        <translation>Bornes fixes : indiquez des nombres entre 0 et 100 séparés par des espaces ou des points-virgules, par ex. 35 ; 52 ; 72 ; 88 (reçu : « {text} »).</translation>
    </message>
    <message>
        <location filename="../../processing/profile_inputs.py" line="32"/>
        <source>Fixed thresholds</source>
        <translation>Seuils fixes</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="75"/>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="200"/>
        <source>Gain of {neutral} to {strong} points</source>
        <translation>Gain de {neutral} à {strong} points</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="201"/>
        <source>Gain of {strong} points or more</source>
        <translation>Gain de {strong} points ou plus</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="92"/>
        <source>Gamme lists (CSV with TYPEQU and GAMME; empty: INSEE&apos;s lists of the BPE&apos;s year, shipped)</source>
        <translation>Listes des gammes (CSV avec TYPEQU et GAMME ; vide : listes INSEE de l&apos;année de la BPE, fournies)</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="515"/>
        <source>Gamme lists of both dates: {note}.</source>
        <translation>Listes de gammes des deux dates : {note}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="127"/>
        <source>Gamme lists: {note}.</source>
        <translation>Listes des gammes : {note}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="92"/>
        <location filename="../../processing/profile_inputs.py" line="28"/>
        <source>Geometric (not compensatory)</source>
        <translation>Géométrique (non compensatoire)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="107"/>
        <source>Give a BPE file.</source>
        <translation>Indiquez un fichier BPE.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="122"/>
        <source>Give at least one table to join.</source>
        <translation>Indiquez au moins une table à joindre.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="136"/>
        <source>Give the BPE of both dates (BPE_BEFORE and BPE_AFTER), or neither.</source>
        <translation>Donnez la BPE des deux dates (BPE_BEFORE et BPE_AFTER), ou aucune.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="78"/>
        <source>Group by</source>
        <translation>Regrouper par</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="55"/>
        <source>Group by (intercommunality code or any field)</source>
        <translation>Regrouper par (code de l&apos;intercommunalité ou tout autre champ)</translation>
    </message>
    <message>
        <location filename="../../core/vocabulary.py" line="22"/>
        <source>Habiter</source>
        <translation>Habiter</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="166"/>
        <location filename="../profiles/equipements_inrae_anct.json" line="43"/>
        <source>Health and social equipment (BPE D)</source>
        <translation>Équipements de santé et d&apos;action sociale (BPE D)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="49"/>
        <source>How much does a commune&apos;s rank depend on the scoring choices? Each of DRAWS random draws scores the communes again with the profile&apos;s indicators (see the centrality score&apos;s help for the formulas), a normalisation and an aggregation picked at random among those chosen, and perturbed weights:
• noise: each weight multiplied by (1 + u), u uniform between −NOISE and +NOISE;
• Dirichlet: the weights of the indicators of each function, and of the four functions, drawn from a Dirichlet distribution whose mean is the profile&apos;s weights (with equal weights, every split of the total is equally likely);
• none: the profile&apos;s weights, only the methods vary.

Output fields, added to the communes: rang_p05, rang_p50, rang_p95 (5th, 50th and 95th percentiles of the commune&apos;s rank over the draws, 1 = most central) and part_niveau_stable (% of the draws in which the commune keeps the level of the reference run, the profile&apos;s own methods and weights; levels by the profile&apos;s method, classed exactly as the reference run), and which choice moves the commune: ecart_poids, the width rang_p95 − rang_p05 with the weights alone drawn (the profile&apos;s methods kept), and ecart_methodes, with the methods alone drawn (the profile&apos;s weights kept), half as many draws each. A narrow band means a rank that does not depend on the choices. The same SEED gives the same result. Communes without any data get empty fields.</source>
        <translation>Dans quelle mesure le rang d&apos;une commune dépend-il des choix de calcul du score ? Chacun des DRAWS tirages aléatoires recalcule le score des communes avec les indicateurs du profil (voir l&apos;aide du score de centralité pour les formules), une normalisation et une agrégation choisies au hasard parmi celles retenues, et des poids perturbés :
• bruit : chaque poids est multiplié par (1 + u), u tiré uniformément entre −NOISE et +NOISE ;
• Dirichlet : les poids des indicateurs de chaque fonction, et ceux des quatre fonctions, sont tirés selon une loi de Dirichlet dont la moyenne est égale aux poids du profil (à poids égaux, toutes les répartitions du total sont équiprobables) ;
• aucune : les poids du profil ; seules les méthodes varient.

Champs en sortie, ajoutés aux communes : rang_p05, rang_p50, rang_p95 (5e, 50e et 95e centiles du rang de la commune sur l&apos;ensemble des tirages, 1 = la commune la plus centrale) et part_niveau_stable (% des tirages où la commune conserve le niveau du calcul de référence, réalisé avec les méthodes et les poids propres au profil ; niveaux selon la méthode du profil, classés exactement comme le calcul de référence), et le choix qui fait bouger la commune : ecart_poids, la largeur rang_p95 − rang_p05 quand seuls les poids sont tirés (méthodes du profil conservées), et ecart_methodes, quand seules les méthodes le sont (poids du profil conservés), avec deux fois moins de tirages chacun. Une bande étroite signale un rang qui ne dépend pas des choix. Une même graine (SEED) donne le même résultat. Les communes sans aucune donnée reçoivent des champs vides.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="120"/>
        <source>INRAE/ANCT 2021 levels</source>
        <translation>niveaux INRAE/ANCT 2021</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="480"/>
        <source>INSEE (census, territory comparator base, BPE)</source>
        <translation>INSEE (recensement, base du comparateur de territoires, BPE)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="81"/>
        <source>INSEE code field of the commune layer</source>
        <translation>Champ du code INSEE de la couche des communes</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="178"/>
        <source>INSEE code {code}</source>
        <translation>Code INSEE {code}</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="135"/>
        <source>INSEE comparateur</source>
        <translation>INSEE comparateur</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="134"/>
        <source>INSEE comparateur {edition}</source>
        <translation>INSEE comparateur {edition}</translation>
    </message>
    <message>
        <location filename="../../processing/profile_inputs.py" line="58"/>
        <source>INSEE data recognised: {description}.</source>
        <translation>Données INSEE reconnues : {description}.</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="75"/>
        <source>Indicator</source>
        <translation>Indicateur</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="457"/>
        <source>Indicator &apos;{indicator}&apos; ({function}) left out: the layer has no {columns} (optional in the profile; the other indicators of the function share its weight).</source>
        <translation>Indicateur « {indicator} » ({function}) écarté : la couche n&apos;a pas {columns} (facultatif dans le profil ; les autres indicateurs de la fonction se partagent son poids).</translation>
    </message>
    <message>
        <location filename="../../core/quality.py" line="111"/>
        <source>Indicator &apos;{indicator}&apos; carries {effective:.1f} % of the composite&apos;s variance for a nominal weight of {nominal:.1f} %: it weighs {how} than the profile says.</source>
        <translation>L&apos;indicateur « {indicator} » porte {effective:.1f} % de la variance du composite pour un poids nominal de {nominal:.1f} % : il pèse {how} que ne le dit le profil.</translation>
    </message>
    <message>
        <location filename="../../core/quality.py" line="104"/>
        <source>Indicator &apos;{indicator}&apos; is very skewed (skewness {skewness:.1f}, kurtosis {kurtosis:.1f}, beyond {skew_limit:g} and {kurt_limit:g}): a few communes decide its normalised values. Consider &quot;transform&quot;: &quot;log&quot; or &quot;winsorise&quot; in the profile.</source>
        <translation>L&apos;indicateur « {indicator} » est très asymétrique (asymétrie {skewness:.1f}, kurtosis {kurtosis:.1f}, au-delà de {skew_limit:g} et {kurt_limit:g}) : quelques communes décident de ses valeurs normalisées. Envisagez &quot;transform&quot;: &quot;log&quot; ou &quot;winsorise&quot; dans le profil.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="470"/>
        <location filename="../../ui/dock.py" line="478"/>
        <source>Indicator profile (*.json)</source>
        <translation>Profil d&apos;indicateurs (*.json)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="108"/>
        <location filename="../../processing/algorithms/centrality_score.py" line="116"/>
        <location filename="../../processing/algorithms/sensitivity.py" line="74"/>
        <source>Indicator profile (JSON; empty = built-in AULA 360°)</source>
        <translation>Profil d&apos;indicateurs (JSON ; vide = profil AULA 360° intégré)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="130"/>
        <source>Indicator profile the layer was scored with (JSON; empty = built-in AULA 360°)</source>
        <translation>Profil d&apos;indicateurs avec lequel la couche a été scorée (JSON ; vide = AULA 360° intégré)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="126"/>
        <source>Indicator statistics and correlations</source>
        <translation>Statistiques et corrélations des indicateurs</translation>
    </message>
    <message>
        <location filename="../../ui/weights.py" line="34"/>
        <source>Indicator weights</source>
        <translation>Pondérations des indicateurs</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="69"/>
        <source>Indicators</source>
        <translation>Indicateurs</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="199"/>
        <source>Indicators behind the change (points of the composite): {drivers}.</source>
        <translation>Indicateurs moteurs de l&apos;évolution (points du composite) : {drivers}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="299"/>
        <source>Indicators compared at both dates: {indicators}.</source>
        <translation>Indicateurs comparés aux deux dates : {indicators}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="302"/>
        <source>Indicators left out of both dates ({count}):</source>
        <translation>Indicateurs écartés aux deux dates ({count}) :</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="135"/>
        <source>Indicators of the sheets</source>
        <translation>Indicateurs des fiches</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="237"/>
        <source>Indicators with the same value for every commune (they separate nothing): {indicators}.</source>
        <translation>Indicateurs ayant la même valeur pour toutes les communes (ils ne distinguent rien) : {indicators}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="230"/>
        <source>Indicators without a value for any commune (left out of the scores): {indicators}.</source>
        <translation>Indicateurs sans valeur pour aucune commune (laissés hors des scores) : {indicators}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="259"/>
        <location filename="../../processing/algorithms/export_layout.py" line="163"/>
        <source>Intercommunalities</source>
        <translation>Intercommunalités</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="136"/>
        <source>Intercommunality field (empty: NOM_EPCI, LIBEPCI… when present)</source>
        <translation>Champ de l&apos;intercommunalité (vide : NOM_EPCI, LIBEPCI… s&apos;il existe)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="120"/>
        <source>Intercommunality field (for the transition table; empty = found by name)</source>
        <translation>Champ de l&apos;intercommunalité (pour la table de transitions ; vide = trouvé par son nom)</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="76"/>
        <source>Intermediate centre</source>
        <translation>Centralité intermédiaire</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="279"/>
        <source>Its strongest function against the territory is {best} ({best_score}, median {best_median}); its weakest, {worst} ({worst_score}, median {worst_median}).</source>
        <translation>Sa fonction la plus forte face au territoire est {best} ({best_score}, médiane {best_median}) ; la plus faible, {worst} ({worst_score}, médiane {worst_median}).</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="262"/>
        <source>Its strongest function against the territory is {function} ({score}, median {median}).</source>
        <translation>Sa fonction la plus forte face au territoire est {function} ({score}, médiane {median}).</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="80"/>
        <location filename="../profiles/aula_360_gammes.json" line="80"/>
        <source>Job concentration index {census}</source>
        <translation>Indicateur de concentration d&apos;emploi {census}</translation>
    </message>
    <message>
        <location filename="../../ui/change_table.py" line="44"/>
        <source>Jobs</source>
        <translation>Emplois</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="309"/>
        <source>Jobs at place of work</source>
        <translation>Emplois au lieu de travail</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="74"/>
        <location filename="../profiles/aula_360_gammes.json" line="74"/>
        <source>Jobs at place of work {census}</source>
        <translation>Emplois au lieu de travail {census}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="47"/>
        <source>Join INSEE tables to communes</source>
        <translation>Joindre des tables INSEE aux communes</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="81"/>
        <source>Join INSEE tables…</source>
        <translation>Joindre des tables INSEE…</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="105"/>
        <source>Join report</source>
        <translation>Rapport de jointure</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="103"/>
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
        <location filename="../../processing/algorithms/join_tables.py" line="50"/>
        <source>Joins one or more tables (CSV files; XLSX, XLS or ODS spreadsheets, whose header is found below any title lines, on the sheet given or the first naming a code column; DBF files; or table layers such as a GeoPackage table) onto a commune layer by INSEE commune code.

Codes are read as text: leading zeros are kept or restored (1001 → 01001), float artefacts (62498.0) and spaces around codes are repaired, Corsica&apos;s 2A/2B kept. The key column of each table is found among the usual names (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …) unless given. Numbers with a decimal comma or thousands spaces are read as numbers; secret or empty values (s, nd, secret, empty cell) become NULL and are counted.

Every commune of the layer is kept with its geometry untouched. The join report (REPORT) lists each table row not joined (unmatched code, duplicate, invalid code), each re-coded key, each commune absent from a table and each renamed column. The log ends with one summary line per table.

Paris, Lyon, Marseille: rows of arrondissements (751xx, 6938x, 132xx) are summed onto 75056, 69123, 13055 when the layer holds these communes, and kept when it holds the arrondissements. Counts are summed; rates, medians, shares and text cannot be, and are left empty and reported.

Merged communes: a table de passage (INSEE&apos;s, with one code column per year, or any file with an old and a new code column) sums the rows of communes merged since the table&apos;s year onto today&apos;s commune, the same way. Without one, codes missing from a department the layer otherwise covers are reported as looking like merged communes.

Columns to join (optional): only these columns of each table are added. Prefixes (optional): one per table, in the order of the tables, put before the added column names.</source>
        <translation>Joint une ou plusieurs tables (fichiers CSV ; classeurs XLSX, XLS ou ODS, dont la ligne d&apos;en-tête est repérée sous d&apos;éventuelles lignes de titre, sur la feuille indiquée ou la première qui nomme une colonne de codes ; fichiers DBF ; ou couches sans géométrie telles qu&apos;une table de GeoPackage) à une couche de communes, par code INSEE de la commune.

Les codes sont lus comme du texte : les zéros initiaux sont conservés ou rétablis (1001 → 01001), les artefacts de nombres décimaux (62498.0) et les espaces parasites sont corrigés, les codes corses 2A/2B sont conservés. La colonne clé de chaque table est recherchée parmi les noms usuels (CODGEO, DEPCOM, INSEE_COM, CODE_INSEE, …), sauf si elle est indiquée. Les nombres à virgule décimale ou à espaces séparateurs de milliers sont lus comme des nombres ; les valeurs secrètes ou vides (s, nd, secret, cellule vide) deviennent NULL et sont comptées.

Toutes les communes de la couche sont conservées, avec leur géométrie intacte. La table du rapport de jointure (REPORT) liste chaque ligne de table non jointe (code sans correspondance, doublon, code invalide), chaque code recodé, chaque commune absente d&apos;une table et chaque colonne renommée. Le journal se termine par une ligne de bilan par table.

Paris, Lyon, Marseille : les lignes des arrondissements (751xx, 6938x, 132xx) sont additionnées sur 75056, 69123, 13055 lorsque la couche contient ces communes, et conservées lorsqu&apos;elle contient les arrondissements. Les effectifs sont additionnés ; les taux, médianes, parts et textes ne peuvent pas l&apos;être : ils restent vides et sont signalés dans le rapport.

Communes fusionnées : une table de passage (celle de l&apos;INSEE, avec une colonne de codes par année, ou tout fichier avec une colonne d&apos;ancien code et une colonne de nouveau code) additionne de la même façon les lignes des communes fusionnées depuis l&apos;année de la table sur la commune actuelle. Sans table de passage, les codes absents de la couche dans un département qu&apos;elle couvre par ailleurs sont signalés comme ressemblant à des communes fusionnées.

Colonnes à joindre (facultatif) : seules ces colonnes de chaque table sont ajoutées. Préfixes (facultatif) : un par table, dans l&apos;ordre des tables, placé devant les noms des colonnes ajoutées.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="89"/>
        <source>Key column of the tables (empty: found automatically)</source>
        <translation>Colonne clé des tables (vide : détectée automatiquement)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="113"/>
        <source>Label the main centres</source>
        <translation>Étiqueter les principales centralités</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="155"/>
        <source>Later date</source>
        <translation>Date récente</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="127"/>
        <source>Layout template (.qpt; empty: the plugin&apos;s own for the paper chosen)</source>
        <translation>Modèle de mise en page (.qpt ; vide : celui de l&apos;extension pour le format choisi)</translation>
    </message>
    <message>
        <source>Layout “{name}” added to the project (Project → Layouts) to be edited.</source>
        <translation type="vanished">Mise en page « {name} » ajoutée au projet (Projet → Mises en page) pour être retouchée.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="323"/>
        <source>Layout “{name}” added to the project (Project → Layouts) to be edited; the layers made for it are saved in {path}.</source>
        <translation>Mise en page « {name} » ajoutée au projet (Projet → Mises en page) pour être retouchée ; les couches créées pour elle sont enregistrées dans {path}.</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="430"/>
        <source>Layout: {name}</source>
        <translation>Mise en page : {name}</translation>
    </message>
    <message>
        <location filename="../../ui/change_table.py" line="42"/>
        <location filename="../../ui/ranking.py" line="29"/>
        <location filename="../../ui/trajectory_tab.py" line="179"/>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="102"/>
        <source>Level field</source>
        <translation>Champ du niveau</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="75"/>
        <source>Level field (1 majeure … 5 hors centralité)</source>
        <translation>Champ du niveau (1 majeure … 5 hors centralité)</translation>
    </message>
    <message>
        <location filename="../../processing/change_map.py" line="47"/>
        <source>Level moves of the main centres</source>
        <translation>Changements de niveau des principales centralités</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="195"/>
        <source>Level moves of the main centres marked: {count}.</source>
        <translation>Changements de niveau des principales centralités marqués : {count}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="281"/>
        <location filename="../../processing/algorithms/export_layout.py" line="277"/>
        <source>Level of centrality</source>
        <translation>Niveau de centralité</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="100"/>
        <source>Level of centrality (categories)</source>
        <translation>Niveau de centralité (catégories)</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="244"/>
        <source>Level: {level}</source>
        <translation>Niveau : {level}</translation>
    </message>
    <message>
        <location filename="../../processing/profile_inputs.py" line="31"/>
        <source>Levels of centrality</source>
        <translation>Niveaux de centralité</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="136"/>
        <source>Levels {before} → {after} of</source>
        <translation>Niveaux {before} → {after} de</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="82"/>
        <source>Like niveau_code: 1 majeure … 5 hors centralité</source>
        <translation>Comme niveau_code : 1 majeure … 5 hors centralité</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="83"/>
        <source>Like the INRAE/ANCT: 4 majeur … 0 non centre</source>
        <translation>Comme l&apos;INRAE/ANCT : 4 majeur … 0 non centre</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="89"/>
        <source>Load the sample territory</source>
        <translation>Charger le territoire d&apos;exemple</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="77"/>
        <source>Local centre</source>
        <translation>Centralité locale</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="168"/>
        <source>Location</source>
        <translation>Situation</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="65"/>
        <source>Location and levels of centrality</source>
        <translation>Situation et niveaux de centralité</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="198"/>
        <source>Loss of {neutral} to {strong} points</source>
        <translation>Perte de {neutral} à {strong} points</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="197"/>
        <source>Loss of {strong} points or more</source>
        <translation>Perte de {strong} points ou plus</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="74"/>
        <source>Major centre</source>
        <translation>Centralité majeure</translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="32"/>
        <source>Make this commune&apos;s page (Commune sheets) and open it</source>
        <translation>Produire la fiche de cette commune (Fiches communales) et l&apos;ouvrir</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="100"/>
        <source>Map</source>
        <translation>Carte</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="136"/>
        <source>Median width of the 90 % rank band: {width} ranks; communes keeping their level in at least 90 % of the draws: {stable} of {total}.</source>
        <translation>Largeur médiane de la bande de rangs à 90 % : {width} rangs ; communes conservant leur niveau dans au moins 90 % des tirages : {stable} sur {total}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="291"/>
        <source>Method: normalisation {normalisation}, aggregation {aggregation}, levels {levels} (limits {limits}), over both dates together.</source>
        <translation>Méthode : normalisation {normalisation}, agrégation {aggregation}, niveaux {levels} (seuils {limits}), sur les deux dates ensemble.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="164"/>
        <source>Method: normalisation {normalisation}, aggregation {aggregation}, levels {levels} (limits {limits}).</source>
        <translation>Méthode : normalisation {normalisation}, agrégation {aggregation}, niveaux {levels} (seuils {limits}).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="87"/>
        <location filename="../../processing/profile_inputs.py" line="23"/>
        <source>Min-max (0–100)</source>
        <translation>Min-max (0–100)</translation>
    </message>
    <message>
        <location filename="../../ui/change_table.py" line="69"/>
        <source>Missing columns: {columns}.</source>
        <translation>Colonnes manquantes : {columns}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="115"/>
        <source>Name field for labels (empty: found automatically)</source>
        <translation>Champ du nom pour les étiquettes (vide : trouvé automatiquement)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="58"/>
        <source>Name of the group (optional)</source>
        <translation>Nom du groupe (facultatif)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="296"/>
        <location filename="../../processing/algorithms/centrality_score.py" line="171"/>
        <source>National reference: {reference}.</source>
        <translation>Référence nationale : {reference}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="110"/>
        <location filename="../../processing/profile_inputs.py" line="32"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Ruptures naturelles (Jenks)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="203"/>
        <source>No BPE files given: the indicators of equipment counts (columns without a census year) have one date only and are left out.</source>
        <translation>Aucun fichier BPE donné : les indicateurs de comptages d&apos;équipements (colonnes sans année de recensement) n&apos;ont qu&apos;une date et sont écartés.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="160"/>
        <source>No PDF and no folder asked: no sheet made.</source>
        <translation>Ni PDF ni dossier demandé : aucune fiche produite.</translation>
    </message>
    <message>
        <location filename="../../core/agreement.py" line="55"/>
        <source>No commune has both a level and a reference level ({levels} with a level, none of them in the reference): check the commune code field and that the reference covers the layer&apos;s communes.</source>
        <translation>Aucune commune n&apos;a à la fois un niveau et un niveau de référence ({levels} avec un niveau, aucune dans la référence) : vérifiez le champ du code de commune et que la référence couvre les communes de la couche.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="227"/>
        <source>No commune matches the filter expression {expression}: nothing to make.</source>
        <translation>Aucune commune ne vérifie l&apos;expression de filtre {expression} : rien à produire.</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="160"/>
        <source>No gamme list found in {folder} (files gammes_&lt;year&gt;.csv).</source>
        <translation>Aucune liste de gammes dans {folder} (fichiers gammes_&lt;année&gt;.csv).</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="201"/>
        <source>No indicator moved the composite by 0.05 points or more.</source>
        <translation>Aucun indicateur n&apos;a fait bouger le composite de 0,05 point ou plus.</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="253"/>
        <source>No indicator of the profile can be compared between the two dates: {reasons}</source>
        <translation>Aucun indicateur du profil ne peut être comparé entre les deux dates : {reasons}</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="406"/>
        <source>No indicator profile can be read from this layer&apos;s columns: open the profile used for the score with “Browse…”.</source>
        <translation>Aucun profil d&apos;indicateurs ne peut être lu avec les colonnes de cette couche : ouvrez le profil utilisé pour le score avec « Parcourir… ».</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="252"/>
        <source>No indicator: the profile has none the layer can compute.</source>
        <translation>Aucun indicateur : le profil n&apos;en a aucun que la couche permette de calculer.</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="286"/>
        <source>No inset: the territory is outside metropolitan France, whose départements the plugin ships; give a context layer to locate it in (INSET_LAYER).</source>
        <translation>Pas de carton de localisation : le territoire est hors de la France métropolitaine, dont l&apos;extension fournit les départements ; donnez une couche de contexte pour le situer (INSET_LAYER).</translation>
    </message>
    <message>
        <location filename="../../core/reference.py" line="78"/>
        <source>No national reference for {indicators}: the reference of France (resources/reference) covers the indicators of the shipped profiles. Normalise within the layer (min-max, z-score, percentile), or add them with scripts/build_national_reference.py.</source>
        <translation>Pas de référence nationale pour {indicators} : la référence de la France (resources/reference) couvre les indicateurs des profils fournis. Normalisez à l&apos;échelle de la couche (min-max, score z, rang centile), ou ajoutez-les avec scripts/build_national_reference.py.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="87"/>
        <source>No population field: the means of the scores are not weighted.</source>
        <translation>Pas de champ de population : les moyennes des scores ne sont pas pondérées.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="80"/>
        <source>Noise (uniform, ± a share)</source>
        <translation>Bruit (uniforme, ± une part)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="82"/>
        <source>Noise: share of each weight (0.25 = ±25 %)</source>
        <translation>Bruit : part de chaque poids (0,25 = ±25 %)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="117"/>
        <location filename="../../processing/algorithms/sensitivity.py" line="80"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="298"/>
        <source>None of its indicators is ahead of half the territory&apos;s communes.</source>
        <translation>Aucun de ses indicateurs ne la place devant la moitié des communes du territoire.</translation>
    </message>
    <message>
        <location filename="../../processing/profile_inputs.py" line="22"/>
        <source>Normalisation</source>
        <translation>Normalisation</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="468"/>
        <source>Normalisation &apos;national&apos; needs the national reference of each indicator.</source>
        <translation>La normalisation « national » a besoin de la référence nationale de chaque indicateur.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="136"/>
        <location filename="../../core/scoring.py" line="477"/>
        <location filename="../../core/sensitivity.py" line="173"/>
        <source>Normalisation &apos;reference&apos; needs the code of a reference commune.</source>
        <translation>La normalisation « reference » demande le code d&apos;une commune de référence.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="86"/>
        <source>Normalisations drawn from</source>
        <translation>Normalisations tirées parmi</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="78"/>
        <source>Not a centre</source>
        <translation>Hors centralité</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="247"/>
        <source>Not enough memory for this run: close other programs or work on fewer communes or columns.</source>
        <translation>Mémoire insuffisante pour ce traitement : fermez d&apos;autres programmes ou travaillez sur moins de communes ou de colonnes.</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="93"/>
        <source>Not scored (no data)</source>
        <translation>Non calculé (pas de données)</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="201"/>
        <source>Not scored: too few indicators have a value (see the field indicateurs_manquants).</source>
        <translation>Non scorée : trop peu d&apos;indicateurs ont une valeur (voir le champ indicateurs_manquants).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="107"/>
        <source>Number of classes</source>
        <translation>Nombre de classes</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="77"/>
        <source>Number of draws</source>
        <translation>Nombre de tirages</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="150"/>
        <source>Number of pages</source>
        <translation>Nombre de pages</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="95"/>
        <source>One A4 page per commune of a scored layer (the output of “Centrality score”): every commune, the selected ones (tick “Selected features only”), or those of a filter expression such as &quot;NOM_EPCI&quot; = &apos;CC du Ternois&apos; or &quot;niveau_code&quot; &lt;= 2 — in one PDF, and optionally one PDF per commune in a folder, named by code and name.

Each page: the commune&apos;s name, code and intercommunality, its level, its rank out of the communes scored, its composite score and, when the layer carries the sensitivity fields (rang_p05, rang_p95), its rank band; a chart of its four functions against the territory&apos;s median and the mean of its level; the indicators of the profile — raw value with its unit, the territory&apos;s median, the commune&apos;s percentile among the territory&apos;s communes (P90: higher than 90 % of them), its contribution to the composite in points (the contrib_ fields), ▲ a strength (ahead of at least 75 % of the communes, on the indicator&apos;s direction: a low vacancy is ahead) or ▼ a weakness (ahead of at most 25 %); three sentences that say why; a locator map of the commune in its intercommunality, the communes coloured by level with the names of the main centres; the change of population and jobs between the two census years of the layer; the sources with the INSEE editions used (field millesimes), the date and the page number. The territory is the whole layer: medians, percentiles and level means are taken over all its communes.

The profile must be the one the layer was scored with (empty: the built-in one). The page comes from the plugin&apos;s template resources/layouts/fiche_communale_A4.qpt, or from your own .qpt (your logo, your colours) keeping the item ids title, subtitle, summary, map, legend, chart, change, explanation, indicators (an attribute table&apos;s frame), sources, date, page; the items it lacks are left out and listed in the log. The chart needs pyqtgraph.</source>
        <translation>Une page A4 par commune d&apos;une couche scorée (la sortie de « Score de centralité ») : toutes les communes, celles sélectionnées (cocher « Entités sélectionnées uniquement »), ou celles d&apos;une expression de filtre comme &quot;NOM_EPCI&quot; = &apos;CC du Ternois&apos; ou &quot;niveau_code&quot; &lt;= 2 — dans un PDF, et en option un PDF par commune dans un dossier, nommé par code et nom.

Chaque page : le nom, le code et l&apos;intercommunalité de la commune, son niveau, son rang parmi les communes scorées, son score composite et, quand la couche porte les champs de sensibilité (rang_p05, rang_p95), sa fourchette de rang ; un graphique de ses quatre fonctions face à la médiane du territoire et à la moyenne de son niveau ; les indicateurs du profil — valeur brute avec son unité, médiane du territoire, centile de la commune parmi les communes du territoire (P90 : plus élevée que 90 % d&apos;entre elles), sa contribution au score composite en points (les champs contrib_), ▲ un atout (devant au moins 75 % des communes, dans le sens de l&apos;indicateur : une vacance faible est devant) ou ▼ une faiblesse (devant au plus 25 %) ; trois phrases qui disent pourquoi ; une carte de situation de la commune dans son intercommunalité, les communes colorées par niveau avec les noms des principaux pôles ; l&apos;évolution de la population et des emplois entre les deux recensements de la couche ; les sources avec les millésimes INSEE utilisés (champ millesimes), la date et le numéro de page. Le territoire est toute la couche : médianes, centiles et moyennes par niveau sont calculés sur toutes ses communes.

Le profil doit être celui avec lequel la couche a été scorée (vide : celui intégré). La page vient du modèle de l&apos;extension resources/layouts/fiche_communale_A4.qpt, ou de votre propre .qpt (votre logo, vos couleurs) qui garde les identifiants d&apos;éléments title, subtitle, summary, map, legend, chart, change, explanation, indicators (le cadre d&apos;une table attributaire), sources, date, page ; les éléments absents sont laissés de côté et listés dans le journal. Le graphique demande pyqtgraph.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="37"/>
        <source>One row per intercommunality — or per value of any field (GROUP_FIELD, SIREN_EPCI by default) — of a commune layer, usually the output of the centrality score.

Columns: territoire (the group&apos;s value), nom (LABEL_FIELD of its first commune), nb_communes; the sum of each count field (SUM_FIELDS; the population field when empty); moy_&lt;field&gt;, the population-weighted mean of each score field (MEAN_FIELDS; every score_* field of the layer when empty): Σ score × population / Σ population over the communes that have both; and, when the layer has niveau_code, the number of communes at each level (nb_majeure, nb_structurante, nb_intermediaire, nb_locale, nb_hors_centralite); on the output of centrality_change, the communes that rose, fell or held a level (nb_progresse, nb_recule, nb_stable) and the mean change of the composite (moy_evol_centralite). A last row TOTAL sums the whole layer (TOTAL parameter). Communes with an empty group value are gathered under an empty key.</source>
        <translation>Une ligne par intercommunalité — ou par valeur de tout autre champ (GROUP_FIELD, SIREN_EPCI par défaut) — d&apos;une couche de communes, en général celle produite par le score de centralité.

Colonnes : territoire (la valeur du groupe), nom (LABEL_FIELD de sa première commune), nb_communes ; la somme de chaque champ d&apos;effectif (SUM_FIELDS ; le champ de population s&apos;il est vide) ; moy_&lt;champ&gt;, la moyenne de chaque champ de score pondérée par la population (MEAN_FIELDS ; tous les champs score_* de la couche s&apos;il est vide) : Σ score × population / Σ population sur les communes qui ont les deux valeurs ; et, lorsque la couche a un champ niveau_code, le nombre de communes à chaque niveau (nb_majeure, nb_structurante, nb_intermediaire, nb_locale, nb_hors_centralite) ; sur la sortie de centrality_change, les communes qui progressent, reculent ou gardent leur niveau (nb_progresse, nb_recule, nb_stable) et l&apos;évolution moyenne du composite (moy_evol_centralite). Une dernière ligne TOTAL porte sur l&apos;ensemble de la couche (paramètre TOTAL). Les communes dont la valeur de groupe est vide sont rassemblées sous une clé vide.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="127"/>
        <source>Only the communes where this expression is true (empty: all)</source>
        <translation>Seulement les communes où cette expression est vraie (vide : toutes)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="249"/>
        <source>Only {count} communes: scores relative to the territory (min-max, percentiles, quantile levels) mean little on so few.</source>
        <translation>Seulement {count} communes : des scores relatifs au territoire (min-max, rangs centiles, niveaux par quantiles) ont peu de sens sur si peu.</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="300"/>
        <source>Only {count} functions keep an indicator at both dates: a commune is scored on those {count} (the profile asks {asked}).</source>
        <translation>Seules {count} fonctions gardent un indicateur aux deux dates : une commune est notée sur ces {count} (le profil en demande {asked}).</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="477"/>
        <source>Open an indicator profile</source>
        <translation>Ouvrir un profil d&apos;indicateurs</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="173"/>
        <source>Open an indicator profile (JSON)</source>
        <translation>Ouvrir un profil d&apos;indicateurs (JSON)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="139"/>
        <source>Order of the pages</source>
        <translation>Ordre des pages</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="130"/>
        <source>Other groups (faded)</source>
        <translation>Autres groupes (estompés)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="115"/>
        <source>Outlines of groups of communes, e.g. intercommunalities (empty: NOM_EPCI or SIREN_EPCI when present)</source>
        <translation>Contours de groupes de communes, par ex. les intercommunalités (vide : NOM_EPCI ou SIREN_EPCI s&apos;ils existent)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="187"/>
        <source>Outlines: {count} groups of communes by {field}.</source>
        <translation>Contours : {count} groupes de communes selon {field}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="129"/>
        <source>PDF file</source>
        <translation>Fichier PDF</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="131"/>
        <source>PNG image</source>
        <translation>Image PNG</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="677"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>Image PNG (*.png);;Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG pages: {paths}</source>
        <translation type="vanished">Pages PNG : {paths}</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="202"/>
        <source>Page {page} of {count}</source>
        <translation>Page {page} sur {count}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="112"/>
        <source>Paper (landscape)</source>
        <translation>Format du papier (paysage)</translation>
    </message>
    <message>
        <location filename="../profiles/modele_vierge.json" line="59"/>
        <source>Per 1,000 inhabitants</source>
        <translation>Pour 1 000 habitants</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="77"/>
        <source>Percentile</source>
        <translation>Centile</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="87"/>
        <location filename="../../processing/profile_inputs.py" line="23"/>
        <source>Percentile rank</source>
        <translation>Rang centile</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="88"/>
        <source>Picture of the confusion matrix</source>
        <translation>Image de la matrice de confusion</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="117"/>
        <source>Pies</source>
        <translation>Secteurs</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="77"/>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="215"/>
        <source>Points written in bulk to {path} (GDAL).</source>
        <translation>Points écrits en bloc dans {path} (GDAL).</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="309"/>
        <location filename="../../ui/change_table.py" line="44"/>
        <source>Population</source>
        <translation>Population</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="159"/>
        <source>Population (area of the pies)</source>
        <translation>Population (aire des secteurs)</translation>
    </message>
    <message>
        <location filename="../../ui/change_table.py" line="39"/>
        <source>Population and job change need the census columns {columns}, absent from this layer.</source>
        <translation>L&apos;évolution de la population et de l&apos;emploi demande les colonnes du recensement {columns}, absentes de cette couche.</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="67"/>
        <source>Population and jobs</source>
        <translation>Population et emplois</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="60"/>
        <source>Population field (weights of the means)</source>
        <translation>Champ de population (pondération des moyennes)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="119"/>
        <source>Population field sizing the diagrams (empty: found automatically)</source>
        <translation>Champ de population pour la taille des diagrammes (vide : trouvé automatiquement)</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="25"/>
        <location filename="../profiles/aula_360_gammes.json" line="25"/>
        <source>Population {census}</source>
        <translation>Population {census}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="98"/>
        <source>Prefix of the added columns, one per table in order, separated by commas</source>
        <translation>Préfixes des colonnes ajoutées, un par table dans l&apos;ordre, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="166"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="381"/>
        <source>Profile &apos;{profile}&apos; needs the column(s) {missing}, absent from the layer. Join the tables that carry them first. Columns available: {available}.</source>
        <translation>Le profil « {profile} » a besoin de la ou des colonnes {missing}, absentes de la couche. Joignez d&apos;abord les tables qui les contiennent. Colonnes disponibles : {available}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="464"/>
        <source>Profile &apos;{profile}&apos;: no indicator of the function {function} can be computed on this layer (columns absent: {columns}).</source>
        <translation>Profil « {profile} » : aucun indicateur de la fonction {function} ne peut être calculé sur cette couche (colonnes absentes : {columns}).</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="316"/>
        <source>Profile &apos;{profile}&apos;: {problems}</source>
        <translation>Profil « {profile} » : {problems}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="142"/>
        <location filename="../../processing/profile_inputs.py" line="55"/>
        <source>Profile: {name}</source>
        <translation>Profil : {name}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="284"/>
        <source>Profile: {name}.</source>
        <translation>Profil : {name}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="110"/>
        <location filename="../../processing/profile_inputs.py" line="32"/>
        <source>Quantiles</source>
        <translation>Quantiles</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="100"/>
        <source>Random seed</source>
        <translation>Graine aléatoire</translation>
    </message>
    <message>
        <location filename="../../ui/ranking.py" line="29"/>
        <location filename="../../ui/trajectory_tab.py" line="179"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="251"/>
        <source>Rank band (p05–p95): {low}–{high}</source>
        <translation>Fourchette de rang (p05–p95) : {low}–{high}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="218"/>
        <source>Rank bands of the sensitivity found (rang_p05, rang_p95): {within} communes moved within their band (evolution_significative = 0, drawn as stable), {beyond} beyond it.</source>
        <translation>Bandes de rang de la sensibilité trouvées (rang_p05, rang_p95) : {within} communes ont bougé dans leur bande (evolution_significative = 0, dessinées comme stables), {beyond} au-delà.</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="245"/>
        <source>Rank {rank} of {count}</source>
        <translation>Rang {rank} sur {count}</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="257"/>
        <source>Ranking</source>
        <translation>Classement</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="116"/>
        <location filename="../../processing/algorithms/join_tables.py" line="148"/>
        <location filename="../../processing/algorithms/join_tables.py" line="163"/>
        <source>Read {name}: {rows} rows, {columns} columns.</source>
        <translation>Table {name} lue : {rows} lignes, {columns} colonnes.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="136"/>
        <source>Reading the commune codes…</source>
        <translation>Lecture des codes INSEE des communes…</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="95"/>
        <location filename="../../processing/profile_inputs.py" line="35"/>
        <source>Reference commune (its code; for the distance to a reference)</source>
        <translation>Commune de référence (son code ; pour la distance à une référence)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="105"/>
        <source>Reference level field</source>
        <translation>Champ du niveau de référence</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="78"/>
        <source>Reference level field (empty: the INRAE/ANCT 2021 levels, shipped)</source>
        <translation>Champ du niveau de référence (vide : les niveaux INRAE/ANCT 2021, fournis)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="255"/>
        <source>Reference: {name}</source>
        <translation>Référence : {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="190"/>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="113"/>
        <source>Resolution (DPI)</source>
        <translation>Résolution (ppp)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="141"/>
        <source>Resolution of the pictures (DPI)</source>
        <translation>Résolution des images (DPI)</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="252"/>
        <source>Rows: the level in {before}; columns: the level in {after}. {rose} communes rose a level (blue), {fell} fell (red), {held} held; {total} in all. The tooltip gives the population; a click selects the communes.</source>
        <translation>Lignes : le niveau en {before} ; colonnes : le niveau en {after}. {rose} communes progressent d&apos;un niveau (bleu), {fell} reculent (rouge), {held} restent stables ; {total} en tout. L&apos;infobulle donne la population ; un clic sélectionne les communes.</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="80"/>
        <source>Run the full diagnosis…</source>
        <translation>Lancer le diagnostic complet…</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="134"/>
        <source>SVG image</source>
        <translation>Image SVG</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="134"/>
        <source>Sample territory (AULA)</source>
        <translation>Territoire d&apos;exemple (AULA)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="470"/>
        <source>Save as profile</source>
        <translation>Enregistrer comme profil</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="194"/>
        <source>Save as profile…</source>
        <translation>Enregistrer comme profil…</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="122"/>
        <source>Save as the layer&apos;s default style in its GeoPackage or database</source>
        <translation>Enregistrer comme style par défaut de la couche dans son GeoPackage ou sa base de données</translation>
    </message>
    <message>
        <location filename="../../ui/ranking.py" line="29"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="104"/>
        <source>Score field</source>
        <translation>Champ du score</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="66"/>
        <source>Score fields to average (empty: every score_* field)</source>
        <translation>Champs de score à moyenner (vide : tous les champs score_*)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="98"/>
        <location filename="../../processing/algorithms/export_layout.py" line="103"/>
        <source>Scored commune layer</source>
        <translation>Couche des communes avec scores</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="125"/>
        <source>Scored commune layer (the selected communes, or all)</source>
        <translation>Couche des communes scorées (les communes sélectionnées, ou toutes)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="124"/>
        <source>Scored communes</source>
        <translation>Communes avec scores</translation>
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
        <location filename="../../processing/algorithms/centrality_score.py" line="45"/>
        <source>Scores every commune on the four functions of centrality — Habiter, Travailler, Consommer, Services — from an indicator profile (JSON; empty = the built-in AULA 360° profile on INSEE&apos;s comparator base and BPE domains, normalised against France).

1. Indicators are computed from the layer&apos;s columns (ratio, per 1,000 inhabitants, share, density per km², annual growth rate, difference). A missing value follows the indicator&apos;s policy: reweight (left out, the others&apos; weights re-spread), zero, or the territory&apos;s median. Transformation: log(1+x), or winsorise (values clipped to the (100−p)th and pth percentiles).

2. Normalisation (x reversed when the direction is &apos;-&apos;), against France or over the layer:
• against France (the built-in profiles&apos; choice): y = 100 × clip((x − p01) / (p99 − p01), 0, 1), p01 and p99 the 1st and 99th percentiles of the indicator over the communes of France (resources/reference/reference_nationale.json, INSEE comparateur 2021 and BPE 2019): a score and a level mean the same in any territory and do not move when the layer is cut differently;
• min-max: y = 100 × (x − min) / (max − min);
• z-score: z = (x − mean) / standard deviation, y = 100 × Φ(z), Φ the standard normal distribution (50 = the layer&apos;s mean);
• percentile rank: y = 100 × (r − 1) / (n − 1), r the rank from the lowest (ties share their mean rank), n the communes with a value;
• distance to a reference commune: y = min(100, 100 × (x − min) / (x_ref − min)), 100 = the reference commune (REFERENCE, a code of CODE_FIELD) or better.

3. Aggregation with the profile&apos;s weights, of the indicators into each function and of the four functions into the composite: arithmetic (compensatory) Σ w·y / Σ w; geometric (a weakness is not made up by a strength) exp(Σ w·ln(1 + y) / Σ w) − 1.

Column names follow the edition of INSEE&apos;s comparateur joined: a profile writes P{census}_POP for the population at the latest census, P{previous}_POP at the previous one, MED{income}, ETGU{establishments}…; the years are read from the layer&apos;s columns (every edition since 2019), growth rates use the real period, and the log says which edition and years were found.

4. Except against France and with the z-score, sub-scores and composite are re-expressed on 0–100 over the layer (100 = the highest commune); against France the composite is the weighted mean of the four sub-scores. Raising a &apos;+&apos; indicator never lowers a commune&apos;s composite.

5. Levels (niveau, niveau_code 1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité) from the composite: fixed thresholds (the profile&apos;s, set on its normalisation: the built-in profiles&apos; are the national composite&apos;s quantiles at the INRAE/ANCT shares; another normalisation chosen here classes by quantiles instead, and the log says so); quantiles (the top shares of communes, by default 0.4 %, 2.5 %, 11 %, 31 % as in the INRAE/ANCT 2021 levels of France); or natural breaks (Jenks: the five classes that minimise the sum of squared deviations from their class means).

Methods left on &apos;as in the profile&apos; use the profile&apos;s (min-max, arithmetic, thresholds when it says nothing).

Output fields: score_habiter, score_travailler, score_consommer, score_services, score_centralite (0–100), rang (1 = most central), niveau, niveau_code, donnees_manquantes (indicators missing or imputed), indicateurs_manquants (which, each with what the score did: &quot;vacance (médiane), sante (0), emplois&quot; — median, zero, or left out), millesimes (the INSEE editions and years the columns came from, e.g. &quot;INSEE comparateur 2025: RP 2022, RP 2016, Filosofi 2021, REE 2021&quot;), explication (the commune&apos;s two strongest and two weakest indicators on the normalised scale, each with its value and its rank in the layer, in the user&apos;s language), and contrib_&lt;indicator id&gt; for each indicator: its points in score_centralite, which they add up to (a missing indicator has none). Before its re-expression the composite is a sum of one term per indicator present — arithmetic: (W_f / ΣW) × (w_i / Σw_f) × y_i, geometric: the same weights on ln(1 + y_i) —, and each indicator gets its term&apos;s share of the score: contrib_i = score_centralite × term_i / Σ terms. Data floor (the profile&apos;s &quot;availability&quot;): a function counts for a commune when at least half of its indicators have a value (a zero the profile imputes is a value, a median is not); a commune is scored on at least three functions. A commune below the floor, or with no data at all, is kept with empty scores, does not shape the others&apos; normalisation, and is counted in the log. The optional STATISTICS table gives each indicator&apos;s count, min, median and max; the skewness and excess kurtosis of the values normalised, flagged (asymetrique) beyond 2 and 3.5 (the JRC/COINr rule for outliers); against France, the communes clipped at the national goalposts, at 0 or 100 (ecretees: the outliers&apos; treatment); its Spearman rank correlation with score_centralite (r_composite) and with every other indicator; its nominal weight in the composite (poids_nominal, % = W_f / ΣW × w_i / Σw_f), its effective share of the composite&apos;s variance (part_effective, % = cov(contrib_i, score) / var(score), adding up to 100) and their ratio (rapport_poids). The log warns of a flagged indicator and of a ratio beyond 2 or below 1/2.</source>
        <translation>Calcule pour chaque commune un score sur les quatre fonctions de centralité — Habiter, Travailler, Consommer, Services — à partir d&apos;un profil d&apos;indicateurs (JSON ; vide = profil AULA 360° intégré, fondé sur la base du comparateur de territoires de l&apos;INSEE et les domaines de la BPE, normalisé par rapport à la France).

1. Les indicateurs sont calculés à partir des colonnes de la couche (ratio, pour 1 000 habitants, part, densité au km², taux de croissance annuel, différence). Une valeur manquante suit la règle de l&apos;indicateur : reweight (indicateur écarté, poids des autres redistribués), zero (valeur nulle) ou median (médiane du territoire). Transformation : log(1+x), ou winsorisation (valeurs écrêtées aux centiles (100−p) et p).

2. Normalisation (x inversé lorsque la direction est &apos;-&apos;), par rapport à la France ou à l&apos;échelle de la couche :
• par rapport à la France (le choix des profils intégrés) : y = 100 × clip((x − p01) / (p99 − p01), 0, 1), p01 et p99 les 1er et 99e centiles de l&apos;indicateur sur les communes de France (resources/reference/reference_nationale.json, comparateur INSEE 2021 et BPE 2019) : un score et un niveau veulent dire la même chose sur tout territoire et ne bougent pas quand la couche est découpée autrement ;
• min-max : y = 100 × (x − min) / (max − min) ;
• score z : z = (x − moyenne) / écart-type, y = 100 × Φ(z), Φ la fonction de répartition de la loi normale centrée réduite (50 = la moyenne de la couche) ;
• rang centile : y = 100 × (r − 1) / (n − 1), r le rang à partir de la valeur la plus faible (les ex aequo reçoivent leur rang moyen), n le nombre de communes ayant une valeur ;
• distance à une commune de référence : y = min(100, 100 × (x − min) / (x_ref − min)), 100 = la commune de référence (REFERENCE, un code de CODE_FIELD) ou mieux.

3. Agrégation avec les poids du profil, des indicateurs en chaque fonction, puis des quatre fonctions en score composite : arithmétique (compensatoire) Σ w·y / Σ w ; géométrique (un point faible n&apos;est pas compensé par un point fort) exp(Σ w·ln(1 + y) / Σ w) − 1.

Les noms de colonnes suivent l&apos;édition du comparateur de l&apos;INSEE jointe : un profil écrit P{census}_POP pour la population au dernier recensement, P{previous}_POP au précédent, MED{income}, ETGU{establishments}… ; les années sont lues dans les colonnes de la couche (toutes les éditions depuis 2019), les taux de croissance portent sur la période réelle, et le journal indique l&apos;édition et les années trouvées.

4. Sauf par rapport à la France et avec le score z, les sous-scores et le score composite sont ramenés sur 0–100 à l&apos;échelle de la couche (100 = la commune au score le plus élevé) ; par rapport à la France, le score composite est la moyenne pondérée des quatre sous-scores. Augmenter un indicateur &apos;+&apos; ne fait jamais baisser le score composite d&apos;une commune.

5. Niveaux (niveau, niveau_code 1 majeure, 2 structurante, 3 intermédiaire, 4 locale, 5 hors centralité) déterminés à partir du score composite : seuils fixes (ceux du profil, fixés pour sa normalisation : ceux des profils intégrés sont les quantiles du score composite national aux parts INRAE/ANCT ; une autre normalisation choisie ici classe par quantiles à la place, et le journal le dit) ; quantiles (parts cumulées des communes en tête du classement, par défaut 0,4 % ; 2,5 % ; 11 % ; 31 %, comme dans les niveaux de centralité de l&apos;étude INRAE/ANCT de 2021 pour la France) ; ou ruptures naturelles (Jenks : les cinq classes qui minimisent la somme des carrés des écarts à la moyenne de leur classe).

Les méthodes laissées sur « Comme dans le profil » reprennent celles du profil (min-max, arithmétique, et seuils fixes lorsqu&apos;il ne précise rien).

Champs en sortie : score_habiter, score_travailler, score_consommer, score_services, score_centralite (0–100), rang (1 = la commune la plus centrale), niveau, niveau_code, donnees_manquantes (nombre d&apos;indicateurs manquants ou imputés), indicateurs_manquants (lesquels, chacun avec ce qu&apos;en a fait le score : « vacance (médiane), sante (0), emplois » — médiane, zéro, ou écarté), millesimes (les éditions et années INSEE dont viennent les colonnes, par exemple « INSEE comparateur 2025: RP 2022, RP 2016, Filosofi 2021, REE 2021 »), explication (les deux indicateurs les plus forts et les deux plus faibles de la commune sur l&apos;échelle normalisée, chacun avec sa valeur et son rang dans la couche, dans la langue de l&apos;utilisateur), et contrib_&lt;id de l&apos;indicateur&gt; pour chaque indicateur : ses points dans score_centralite, auxquels ils s&apos;additionnent (un indicateur manquant n&apos;en a pas). Avant sa remise à l&apos;échelle, le composite est une somme d&apos;un terme par indicateur présent — arithmétique : (W_f / ΣW) × (w_i / Σw_f) × y_i, géométrique : les mêmes poids sur ln(1 + y_i) —, et chaque indicateur reçoit la part de son terme dans le score : contrib_i = score_centralite × terme_i / Σ termes. Seuil de données (« availability » du profil) : une fonction compte pour une commune lorsqu&apos;au moins la moitié de ses indicateurs ont une valeur (un zéro imputé par le profil est une valeur, une médiane non) ; une commune est notée sur au moins trois fonctions. Une commune sous le seuil, ou sans aucune donnée, est conservée avec des scores vides, n&apos;influe pas sur la normalisation des autres, et est comptée dans le journal. La table facultative STATISTICS donne pour chaque indicateur l&apos;effectif, le minimum, la médiane et le maximum ; l&apos;asymétrie et l&apos;excès de kurtosis des valeurs normalisées, signalées (asymetrique) au-delà de 2 et 3,5 (la règle JRC/COINr pour les valeurs extrêmes) ; par rapport à la France, les communes écrêtées aux bornes nationales, à 0 ou 100 (ecretees : le traitement des valeurs extrêmes) ; sa corrélation des rangs de Spearman avec score_centralite (r_composite) et avec chacun des autres indicateurs ; son poids nominal dans le composite (poids_nominal, % = W_f / ΣW × w_i / Σw_f), sa part effective de la variance du composite (part_effective, % = cov(contrib_i, score) / var(score), dont la somme fait 100) et leur rapport (rapport_poids). Le journal signale un indicateur asymétrique et un rapport au-delà de 2 ou en deçà de 1/2.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="71"/>
        <source>Scores the communes with the same profile at two dates, on one common scale, and gives the change: centres that gain or lose centrality, and the levels they rise to or fall from.

Which column gives each date: the profile names the census columns by their role (P{census}_POP…). At the later date the roles are those of the comparateur joined (e.g. census 2018 in the 2021 edition); at the earlier date every census role moves one census back (P{census}_POP reads P13_POP). The BPE counts come from two BPE files in INSEE&apos;s long layout (DEPCOM, TYPEQU, NB_EQUIP), BPE_BEFORE and BPE_AFTER (e.g. 2013 and 2019), counted over the equipment types present in both (the nomenclature changes between years: the types of one year only are left out, and counted in the log), with the gamme lists of the later year for both. An indicator that has no column at one date (a growth rate needing an older census, vacancy when the earlier census lacks it, establishments of one year, BPE columns without the two files) is left out of both dates, and the log names it with the reason; the others share its weight.

One scale: the communes at both dates are scored together. Against France (the built-in profiles) the national goalposts are fixed; with min-max, z-score or percentile ranks the bounds are taken over both dates together, so that a point means the same at both dates.

Merged communes: the BPE of the earlier year is in the geography of its year; with a table de passage (PASSAGE) the rows of communes merged since are summed onto today&apos;s commune (as the join does), and communes_fusionnees says which codes were summed.

Output fields: score_&lt;function&gt;_avant, score_&lt;function&gt;_apres and evol_&lt;function&gt; (points) for the four functions and the composite (score_centralite_avant, score_centralite_apres, evol_centralite), rang_avant, rang_apres (each date&apos;s rank), niveau_avant, niveau_apres, niveau_code_avant, niveau_code_apres, mouvement (progresse: a level up, recule, stable), moteurs_evolution (the indicators that moved the composite most, with their points), and evol_contrib_&lt;indicator id&gt;: each indicator&apos;s points in the composite at the later date minus the earlier one — they add up to evol_centralite.

With the rank bands of the sensitivity algorithm in the layer (rang_p05, rang_p95, of the later date), evolution_significative is 1 when the commune&apos;s earlier rank lies outside its band, 0 within it: a change no larger than the method&apos;s choices move, drawn as stable by the change style.

TRANSITIONS: the communes and their population (at each census) from each level to each level, for the whole territory and for each intercommunality (GROUP_FIELD), with the move.</source>
        <translation>Note les communes avec le même profil à deux dates, sur une seule échelle commune, et donne l&apos;évolution : les centres qui gagnent ou perdent en centralité, et les niveaux vers lesquels ils montent ou dont ils descendent.

Quelle colonne donne chaque date : le profil nomme les colonnes du recensement par leur rôle (P{census}_POP…). À la date récente, les rôles sont ceux du comparateur joint (p. ex. recensement 2018 dans l&apos;édition 2021) ; à la date antérieure, chaque rôle de recensement recule d&apos;un recensement (P{census}_POP lit P13_POP). Les comptages BPE viennent de deux fichiers BPE au format long de l&apos;INSEE (DEPCOM, TYPEQU, NB_EQUIP), BPE_BEFORE et BPE_AFTER (p. ex. 2013 et 2019), comptés sur les types d&apos;équipements présents dans les deux (la nomenclature change d&apos;une année à l&apos;autre : les types d&apos;une seule année sont écartés, et comptés dans le journal), avec les listes de gammes de l&apos;année récente pour les deux. Un indicateur sans colonne à l&apos;une des dates (un taux de croissance qui demande un recensement plus ancien, la vacance quand le recensement antérieur ne l&apos;a pas, les établissements d&apos;une seule année, les colonnes BPE sans les deux fichiers) est écarté aux deux dates, et le journal le nomme avec la raison ; les autres se partagent son poids.

Une seule échelle : les communes aux deux dates sont notées ensemble. Par rapport à la France (les profils fournis), les bornes nationales sont fixes ; en min-max, z-score ou rangs centiles, les bornes sont prises sur les deux dates ensemble, pour qu&apos;un point vaille la même chose aux deux dates.

Communes fusionnées : la BPE de l&apos;année antérieure est dans la géographie de son année ; avec une table de passage (PASSAGE), les lignes des communes fusionnées depuis sont sommées sur la commune actuelle (comme le fait la jointure), et communes_fusionnees dit quels codes ont été sommés.

Champs en sortie : score_&lt;fonction&gt;_avant, score_&lt;fonction&gt;_apres et evol_&lt;fonction&gt; (points) pour les quatre fonctions et le composite (score_centralite_avant, score_centralite_apres, evol_centralite), rang_avant, rang_apres (le rang à chaque date), niveau_avant, niveau_apres, niveau_code_avant, niveau_code_apres, mouvement (progresse : un niveau au-dessus, recule, stable), moteurs_evolution (les indicateurs qui ont le plus fait bouger le composite, avec leurs points), et evol_contrib_&lt;id de l&apos;indicateur&gt; : les points de chaque indicateur dans le composite à la date récente moins à la date antérieure — leur somme est evol_centralite.

Avec les bandes de rang de l&apos;algorithme de sensibilité dans la couche (rang_p05, rang_p95, de la date récente), evolution_significative vaut 1 quand le rang antérieur de la commune est hors de sa bande, 0 dedans : une évolution pas plus grande que ce que font bouger les choix de méthode, dessinée comme stable par le style d&apos;évolution.

TRANSITIONS : les communes et leur population (à chaque recensement) d&apos;un niveau à l&apos;autre, pour l&apos;ensemble du territoire et pour chaque intercommunalité (GROUP_FIELD), avec le mouvement.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="218"/>
        <source>Search a commune…</source>
        <translation>Rechercher une commune…</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="102"/>
        <location filename="../../ui/dock.py" line="541"/>
        <source>Select a commune on the map or in the table.</source>
        <translation>Sélectionnez une commune sur la carte ou dans le tableau.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="161"/>
        <source>Select a commune to see it at the two dates.</source>
        <translation>Sélectionnez une commune pour la voir aux deux dates.</translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="43"/>
        <source>Select a commune to see why it scores as it does.</source>
        <translation>Sélectionnez une commune pour voir pourquoi elle obtient ce score.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="46"/>
        <source>Sensitivity of the ranks (Monte Carlo)</source>
        <translation>Sensibilité des rangs (Monte Carlo)</translation>
    </message>
    <message>
        <location filename="../../core/vocabulary.py" line="22"/>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_inrae_anct.json" line="20"/>
        <source>Services to individuals (BPE A)</source>
        <translation>Services aux particuliers (BPE A)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="93"/>
        <source>Sheet of the spreadsheets (name or number; empty: the first with a code column)</source>
        <translation>Feuille des classeurs (nom ou numéro ; vide : la première qui a une colonne de codes)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="143"/>
        <source>Sheet template (.qpt; empty: the plugin&apos;s own)</source>
        <translation>Modèle de fiche (.qpt ; vide : celui de l&apos;extension)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="146"/>
        <source>Sheets (PDF)</source>
        <translation>Fiches (PDF)</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_inrae_anct.json" line="36"/>
        <source>Shops (BPE B)</source>
        <translation>Commerces (BPE B)</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="119"/>
        <location filename="../profiles/aula_360_gammes.json" line="119"/>
        <source>Shops (BPE domain B)</source>
        <translation>Commerces (BPE domaine B)</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="127"/>
        <location filename="../profiles/aula_360_gammes.json" line="127"/>
        <source>Shops per 1,000 inhabitants</source>
        <translation>Commerces pour 1 000 habitants</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="222"/>
        <source>Show the communes of one intercommunality</source>
        <translation>Afficher les communes d&apos;une intercommunalité</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="228"/>
        <source>Show the communes of one level</source>
        <translation>Afficher les communes d&apos;un niveau</translation>
    </message>
    <message>
        <source>Sources line (empty = automatic)</source>
        <translation type="vanished">Ligne des sources (vide = automatique)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="111"/>
        <source>Sources line (empty = automatic, with the INSEE editions and years of the scores)</source>
        <translation>Ligne des sources (vide = automatique, avec les éditions et années INSEE des scores)</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="481"/>
        <source>Sources: {data}; IGN, ADMIN EXPRESS. Produced with Centralités {version}.</source>
        <translation>Sources : {data} ; IGN, ADMIN EXPRESS. Réalisation : Centralités {version}.</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_inrae_anct.json" line="44"/>
        <source>Sports, leisure and culture equipment (BPE F)</source>
        <translation>Équipements de sports, loisirs et culture (BPE F)</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="199"/>
        <source>Stable (within {neutral} points)</source>
        <translation>Stable (à {neutral} points près)</translation>
    </message>
    <message>
        <location filename="../../core/explain.py" line="39"/>
        <source>Strengths: {items}.</source>
        <translation>Forces : {items}.</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="296"/>
        <source>Strongest indicators: {items}.</source>
        <translation>Indicateurs les plus forts : {items}.</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="75"/>
        <source>Structuring centre</source>
        <translation>Centralité structurante</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="125"/>
        <source>Style file (QML)</source>
        <translation>Fichier de style (QML)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="252"/>
        <source>Style stored in its database as the layer&apos;s default style.</source>
        <translation>Style enregistré dans sa base de données comme style par défaut de la couche.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="127"/>
        <source>Styled layer</source>
        <translation>Couche symbolisée</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="72"/>
        <source>Styles a scored commune layer for a report.

Map: either the composite score (or another score field) graduated in five classes by default, ColorBrewer YlOrRd (safe for colour-blind readers), classes by quantiles, natural breaks (Jenks) or fixed bounds (e.g. 35, 52, 72, 88), legend bounds rounded to whole numbers; or the level of centrality (niveau_code) in fixed colours, darker for more central, with a grey class for communes not scored; or the change of the composite between two dates (evol_centralite, from centrality_change), diverging: losses in red, gains in blue, changes within 2 points drawn as stable.

Labels: the names of the main centres (up to the structuring ones), the most central placed first when labels collide; on a change between two dates, the main centres of either date, followed by ▲ or ▼ when their level rose or fell. Diagrams (optional): the four sub-scores of each major or structuring centre, as a pie whose area follows the population, or as four bars whose length is the score (100 = 8 mm, the same scale everywhere).

The styles are the QML files shipped in the plugin&apos;s resources/styles folder, fitted to the layer (class bounds, name and population fields, largest population).

The features are not modified. When the layer is stored in a GeoPackage or a database (PostGIS: its layer_styles table), the style is saved there as the layer&apos;s default style, so the layer keeps it when opened later or on another machine. The style can also be written to a QML file.</source>
        <translation>Met en forme une couche de communes avec scores pour un rapport.

Carte : soit le score composite (ou un autre champ de score) en symbologie graduée, cinq classes par défaut, palette ColorBrewer YlOrRd (lisible par les personnes daltoniennes), classes par quantiles, ruptures naturelles (Jenks) ou bornes fixes (par ex. 35, 52, 72, 88), bornes de légende arrondies à l&apos;unité ; soit le niveau de centralité (niveau_code) en couleurs fixes, plus foncées pour les communes plus centrales, avec une classe grise pour les communes non calculées ; soit l&apos;évolution du composite entre deux dates (evol_centralite, de centrality_change), divergente : pertes en rouge, gains en bleu, évolutions de moins de 2 points dessinées comme stables.

Étiquettes : les noms des principales centralités (jusqu&apos;aux structurantes), les plus centrales placées d&apos;abord en cas de conflit ; sur une évolution entre deux dates, les principales centralités de l&apos;une ou l&apos;autre date, suivies de ▲ ou ▼ quand leur niveau a progressé ou reculé. Diagrammes (en option) : les quatre sous-scores de chaque centralité majeure ou structurante, en secteurs dont l&apos;aire suit la population, ou en quatre barres dont la longueur est le score (100 = 8 mm, la même échelle partout).

Les styles sont les fichiers QML livrés dans le dossier resources/styles de l&apos;extension, ajustés à la couche (bornes des classes, champs du nom et de la population, plus grande population).

Les entités ne sont pas modifiées. Lorsque la couche est stockée dans un GeoPackage ou une base de données (PostGIS : sa table layer_styles), le style y est enregistré comme style par défaut de la couche, qui le retrouve ainsi à chaque ouverture, y compris sur un autre poste. Le style peut aussi être écrit dans un fichier QML.</translation>
    </message>
    <message>
        <source>Styles a scored commune layer: a graduated map of the composite score (or another score field), five classes by default, ColorBrewer YlOrRd (safe for colour-blind readers), classes by quantiles or natural breaks (Jenks), legend bounds rounded to whole numbers.

The features are not modified. When the layer is stored in a GeoPackage, the style is saved inside it as the layer&apos;s default style, so the layer keeps it when opened later or on another machine. The style can also be written to a QML file.</source>
        <translation type="vanished">Met en forme une couche de communes avec scores : symbologie graduée du score composite (ou d&apos;un autre champ de score) en cinq classes par défaut, palette ColorBrewer YlOrRd (lisible par les personnes daltoniennes), classes par quantiles ou par ruptures naturelles (Jenks), étiquettes de légende arrondies à l&apos;unité.

Les entités ne sont pas modifiées. Lorsque la couche est stockée dans un GeoPackage, le style y est enregistré comme style par défaut de la couche, qui le retrouve ainsi à chaque ouverture, y compris sur un autre poste. Le style peut aussi être écrit dans un fichier QML.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="107"/>
        <source>Subtitle</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="69"/>
        <source>Summary per territory</source>
        <translation>Synthèse par territoire</translation>
    </message>
    <message>
        <source>Sums a file of INSEE&apos;s Base permanente des équipements (BPE) in its long layout — one row per commune (DEPCOM) or IRIS (DCIRIS, cut to its commune) and equipment type (TYPEQU), with NB_EQUIP (without it, each row counts one equipment) and optionally AN — into one row per commune, to join to the communes with &apos;Join INSEE tables to communes&apos;.

Output fields: DEPCOM (text), NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (domains: A services, B shops, C education, D health and social, E transport, F sport and culture, G tourism), NB_EQUIP_PROXIMITE, NB_EQUIP_INTERMEDIAIRE, NB_EQUIP_SUPERIEURE (INSEE&apos;s gammes), NB_EQUIP_HORS_GAMME (types in no gamme) and NB_TYPEQU (number of distinct equipment types).

The gamme lists are INSEE&apos;s 2021 lists shipped in resources/bpe/gammes_2021.csv; another file with the columns TYPEQU and GAMME can be given. When the file holds several years (AN), the latest is counted unless a year is given. The arrondissements of Paris, Lyon and Marseille are counted in their commune (75056, 69123, 13055) unless unticked. Every row left out (invalid code or type, count not a number, another year) is written to the report.</source>
        <translation type="vanished">Agrège un fichier de la Base permanente des équipements (BPE) de l&apos;INSEE au format long — une ligne par commune (DEPCOM) ou par IRIS (DCIRIS, ramené à sa commune) et par type d&apos;équipement (TYPEQU), avec NB_EQUIP (sans ce champ, chaque ligne compte pour un équipement) et éventuellement AN — en une ligne par commune, à joindre ensuite aux communes avec « Joindre des tables INSEE aux communes ».

Champs en sortie : DEPCOM (texte), NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (domaines : A services aux particuliers, B commerces, C enseignement, D santé et action sociale, E transports et déplacements, F sports, loisirs et culture, G tourisme), NB_EQUIP_PROXIMITE, NB_EQUIP_INTERMEDIAIRE, NB_EQUIP_SUPERIEURE (gammes de l&apos;INSEE : proximité, intermédiaire, supérieure), NB_EQUIP_HORS_GAMME (types hors gamme) et NB_TYPEQU (nombre de types d&apos;équipements distincts).

Les listes des gammes sont celles de l&apos;INSEE pour 2021, fournies dans resources/bpe/gammes_2021.csv ; un autre fichier avec les colonnes TYPEQU et GAMME peut être indiqué. Lorsque le fichier contient plusieurs années (AN), la plus récente est comptée, sauf si une année est indiquée. Les arrondissements de Paris, Lyon et Marseille sont comptés dans leur commune (75056, 69123, 13055), sauf si l&apos;option est décochée. Chaque ligne écartée (code ou type invalide, nombre d&apos;équipements non numérique, autre année) est inscrite dans le rapport.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="57"/>
        <source>Sums a file of INSEE&apos;s Base permanente des équipements (BPE) into one row per commune, to join to the communes with &apos;Join INSEE tables to communes&apos;. Two layouts are read: the long layout — one row per commune (DEPCOM) or IRIS (DCIRIS, cut to its commune) and equipment type (TYPEQU) with NB_EQUIP — and the point-level layout of INSEE&apos;s geolocated files (BPE 2018 and later: one row per equipment, no NB_EQUIP, each row counts one); both optionally with AN.

Output fields: DEPCOM (text), NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (domains: A services, B shops, C education, D health and social, E transport, F sport and culture, G tourism), NB_EQUIP_PROXIMITE, NB_EQUIP_INTERMEDIAIRE, NB_EQUIP_SUPERIEURE (INSEE&apos;s gammes), NB_EQUIP_HORS_GAMME (types in no gamme), NB_TYPEQU (number of distinct equipment types) and NB_TYPEQU_PROXIMITE, NB_TYPEQU_INTERMEDIAIRE, NB_TYPEQU_SUPERIEURE (distinct types of each gamme).

Gamme lists: INSEE&apos;s lists are shipped per year in resources/bpe/gammes_&lt;year&gt;.csv. With no file given, the list of the BPE&apos;s year is used — the year of its AN column, else the year given, else the year in the file name (bpe2019_…, BPE24.csv) — or the nearest earlier year&apos;s, or the latest shipped when none is earlier; the log and the report say which list and why. Another file with the columns TYPEQU and GAMME can be given.

When the file holds several years (AN), the latest is counted unless a year is given. The arrondissements of Paris, Lyon and Marseille are counted in their commune (75056, 69123, 13055) unless unticked. Every row left out (invalid code or type, count not a number, another year) is written to the report.

Equipments as points (optional, not created by default): the equipments of a point-level file, one point each in EPSG:2154 with TYPEQU, DEPCOM (the file&apos;s code, arrondissements kept), DOMAINE and GAMME. Coordinates are read from LAMBERT_X/LAMBERT_Y in the CRS of the EPSG column (without it, Lambert 93, or the département&apos;s UTM zone overseas), else LONGITUDE/LATITUDE (WGS 84); other CRSs are reprojected and counted in the log. Rows without usable coordinates are counted and written to the report, and still counted in their commune.</source>
        <translation>Agrège un fichier de la Base permanente des équipements (BPE) de l&apos;INSEE en une ligne par commune, à joindre ensuite aux communes avec « Joindre des tables INSEE aux communes ». Deux formats sont lus : le format long — une ligne par commune (DEPCOM) ou par IRIS (DCIRIS, ramené à sa commune) et par type d&apos;équipement (TYPEQU), avec NB_EQUIP — et le format à l&apos;équipement des fichiers géolocalisés de l&apos;INSEE (BPE 2018 et suivantes : une ligne par équipement, sans NB_EQUIP, chaque ligne compte pour un) ; l&apos;un et l&apos;autre éventuellement avec AN.

Champs en sortie : DEPCOM (texte), NB_EQUIP_TOTAL, NB_EQUIP_A … NB_EQUIP_G (domaines : A services aux particuliers, B commerces, C enseignement, D santé et action sociale, E transports et déplacements, F sports, loisirs et culture, G tourisme), NB_EQUIP_PROXIMITE, NB_EQUIP_INTERMEDIAIRE, NB_EQUIP_SUPERIEURE (gammes de l&apos;INSEE : proximité, intermédiaire, supérieure), NB_EQUIP_HORS_GAMME (types hors gamme), NB_TYPEQU (nombre de types d&apos;équipements distincts) et NB_TYPEQU_PROXIMITE, NB_TYPEQU_INTERMEDIAIRE, NB_TYPEQU_SUPERIEURE (types distincts de chaque gamme).

Listes des gammes : les listes de l&apos;INSEE sont fournies par année dans resources/bpe/gammes_&lt;année&gt;.csv. Sans fichier indiqué, la liste de l&apos;année de la BPE est utilisée — l&apos;année de sa colonne AN, sinon l&apos;année indiquée, sinon l&apos;année du nom du fichier (bpe2019_…, BPE24.csv) —, ou celle de l&apos;année antérieure la plus proche, ou la plus récente fournie quand aucune n&apos;est antérieure ; le journal et le rapport disent quelle liste et pourquoi. Un autre fichier avec les colonnes TYPEQU et GAMME peut être indiqué.

Lorsque le fichier contient plusieurs années (AN), la plus récente est comptée, sauf si une année est indiquée. Les arrondissements de Paris, Lyon et Marseille sont comptés dans leur commune (75056, 69123, 13055), sauf si l&apos;option est décochée. Chaque ligne écartée (code ou type invalide, nombre d&apos;équipements non numérique, autre année) est inscrite dans le rapport.

Équipements en points (facultatif, non créé par défaut) : les équipements d&apos;un fichier à l&apos;équipement, un point chacun en EPSG:2154 avec TYPEQU, DEPCOM (le code du fichier, arrondissements conservés), DOMAINE et GAMME. Les coordonnées sont lues dans LAMBERT_X/LAMBERT_Y, dans le SCR de la colonne EPSG (sans elle, Lambert 93, ou le fuseau UTM du département outre-mer), sinon dans LONGITUDE/LATITUDE (WGS 84) ; les autres SCR sont reprojetés et comptés dans le journal. Les lignes sans coordonnées utilisables sont comptées et inscrites dans le rapport, et restent comptées dans leur commune.</translation>
    </message>
    <message>
        <location filename="../../ui/change_table.py" line="67"/>
        <source>Sums over the communes of each level, annual change rate between the census years. Levels follow the weights.</source>
        <translation>Sommes sur les communes de chaque niveau, taux d&apos;évolution annuel entre les deux recensements. Les niveaux suivent les pondérations.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="114"/>
        <location filename="../../processing/algorithms/join_tables.py" line="101"/>
        <source>Table de passage of merged communes (old code, new code; optional)</source>
        <translation>Table de passage des communes fusionnées (ancien code, nouveau code ; facultative)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="86"/>
        <source>Tables to join (files or table layers)</source>
        <translation>Tables à joindre (fichiers ou couches sans géométrie)</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="199"/>
        <location filename="../../processing/qpt_layouts.py" line="199"/>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="76"/>
        <source>Territory median</source>
        <translation>Médiane du territoire</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="34"/>
        <source>Territory summary</source>
        <translation>Synthèse territoriale</translation>
    </message>
    <message>
        <location filename="../../core/sensitivity.py" line="160"/>
        <source>The Dirichlet concentration is a positive number, not {value}.</source>
        <translation>La concentration de Dirichlet est un nombre positif, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="215"/>
        <source>The atlas has no page: the field &apos;{field}&apos; is empty (NULL) for every commune. Choose another atlas field or leave it empty for a single page.</source>
        <translation>L&apos;atlas n&apos;a aucune page : le champ &apos;{field}&apos; est vide (NULL) pour toutes les communes. Choisissez un autre champ d&apos;atlas ou laissez-le vide pour une seule page.</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="277"/>
        <source>The census {census} goes with the previous census {expected} in the comparateur&apos;s {edition} edition, but the previous census found is {found}: are tables of two editions mixed? Check the tables joined.</source>
        <translation>Le recensement {census} va avec le recensement précédent {expected} dans l&apos;édition {edition} du comparateur, mais le recensement précédent trouvé est {found} : des tables de deux éditions sont-elles mélangées ? Vérifiez les tables jointes.</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="269"/>
        <source>The change style could not be applied to {layer}: {error}</source>
        <translation>Le style d&apos;évolution n&apos;a pas pu être appliqué à {layer} : {error}</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="29"/>
        <source>The chart of the leading communes is drawn on the main thread only: the layout has no chart.</source>
        <translation>Le graphique des communes les plus centrales ne se dessine que sur le fil d&apos;exécution principal : la mise en page n&apos;a pas de graphique.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="357"/>
        <source>The chart {path} could not be written.</source>
        <translation>Le graphique {path} n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="74"/>
        <source>The chart {path} could not be written: the layout has no chart.</source>
        <translation>Impossible d&apos;écrire le graphique {path} : la mise en page n&apos;a pas de graphique.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="76"/>
        <source>The charts need the Python package pyqtgraph. On Debian or Ubuntu: sudo apt install python3-pyqtgraph; with the OSGeo4W installer on Windows: the package python3-pyqtgraph, or &apos;pip install pyqtgraph&apos; in the OSGeo4W shell. The ranking table works without it.</source>
        <translation>Les graphiques ont besoin du paquet Python pyqtgraph. Sous Debian ou Ubuntu : sudo apt install python3-pyqtgraph ; avec l&apos;installateur OSGeo4W sous Windows : le paquet python3-pyqtgraph, ou « pip install pyqtgraph » dans le shell OSGeo4W. Le classement fonctionne sans lui.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="321"/>
        <source>The column &apos;{column}&apos; holds text, not numbers (e.g. &apos;{example}&apos;): an indicator needs a numeric column. Name another column in the profile, or convert this one to numbers.</source>
        <translation>La colonne &apos;{column}&apos; contient du texte, pas des nombres (par exemple &apos;{example}&apos;) : un indicateur demande une colonne numérique. Nommez une autre colonne dans le profil, ou convertissez celle-ci en nombres.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="132"/>
        <location filename="../../processing/algorithms/centrality_change.py" line="131"/>
        <location filename="../../processing/algorithms/centrality_score.py" line="131"/>
        <location filename="../../processing/algorithms/commune_sheets.py" line="156"/>
        <location filename="../../processing/algorithms/compare_levels.py" line="97"/>
        <location filename="../../processing/algorithms/export_layout.py" line="140"/>
        <location filename="../../processing/algorithms/join_tables.py" line="111"/>
        <location filename="../../processing/algorithms/sensitivity.py" line="106"/>
        <location filename="../../processing/algorithms/territory_summary.py" line="74"/>
        <source>The commune layer could not be read.</source>
        <translation>Impossible de lire la couche des communes.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/join_tables.py" line="116"/>
        <source>The commune layer has no field &apos;{field}&apos;. Fields found: {fields}.</source>
        <translation>La couche des communes n&apos;a pas de champ « {field} ». Champs présents : {fields}.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="595"/>
        <source>The commune sheet could not be made: {error}</source>
        <translation>La fiche communale n&apos;a pas pu être produite : {error}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="157"/>
        <source>The field &apos;{field}&apos; has no values to classify.</source>
        <translation>Le champ « {field} » n&apos;a aucune valeur à classer.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="204"/>
        <source>The field &apos;{field}&apos; is empty (NULL) for every commune: there is nothing to style. Run the centrality score again on this layer, or choose another field.</source>
        <translation>Le champ &apos;{field}&apos; est vide (NULL) pour toutes les communes : il n&apos;y a rien à symboliser. Relancez le score de centralité sur cette couche, ou choisissez un autre champ.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="218"/>
        <source>The filter expression is not valid: {error}</source>
        <translation>L&apos;expression de filtre n&apos;est pas valide : {error}</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="66"/>
        <source>The four functions (scores 0–100)</source>
        <translation>Les quatre fonctions (scores 0–100)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_score.py" line="245"/>
        <source>The function {function} has no indicator value for {count} of {total} communes: its score there rests on nothing.</source>
        <translation>La fonction {function} n&apos;a aucune valeur d&apos;indicateur pour {count} communes sur {total} : son score n&apos;y repose sur rien.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="346"/>
        <source>The indicators behind a change between two dates are in the “Change between dates” tab.</source>
        <translation>Les indicateurs moteurs d&apos;une évolution entre deux dates sont dans l&apos;onglet « Évolution entre deux dates ».</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="59"/>
        <source>The largest gains and losses of the composite ({period}, points)</source>
        <translation>Les plus forts gains et pertes du composite ({period}, points)</translation>
    </message>
    <message>
        <location filename="../../processing/frames.py" line="338"/>
        <location filename="../../processing/frames.py" line="412"/>
        <location filename="../../processing/frames.py" line="419"/>
        <source>The layer changed while it was being read (feature {fid} was not there): run the algorithm again once the layer is no longer being edited.</source>
        <translation>La couche a changé pendant sa lecture (l&apos;entité {fid} n&apos;y était pas) : relancez l&apos;algorithme une fois la couche sortie du mode édition.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="190"/>
        <source>The layer has no contribution for {indicators}: was it scored with this profile? Their points are left empty.</source>
        <translation>La couche n&apos;a pas de contribution pour {indicators} : a-t-elle été scorée avec ce profil ? Leurs points restent vides.</translation>
    </message>
    <message>
        <location filename="../../processing/frames.py" line="250"/>
        <source>The layer has no coordinate reference system, or one of unknown units: the areas of the densities are taken in the layer&apos;s own units as if they were metres, and may be wrong. Set the layer&apos;s CRS (Layer Properties → Source) or give the profile an area column, then run again.</source>
        <translation>La couche n&apos;a pas de système de coordonnées de référence, ou un SCR d&apos;unités inconnues : les surfaces des densités sont prises dans les unités de la couche comme si c&apos;étaient des mètres, et peuvent être fausses. Définissez le SCR de la couche (Propriétés de la couche → Source) ou donnez au profil une colonne de surface, puis relancez.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="112"/>
        <source>The layer has no feature: nothing to compare.</source>
        <translation>La couche n&apos;a aucune entité : rien à comparer.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="144"/>
        <source>The layer has no field &apos;{field}&apos;: run the centrality score first (or the centrality change between two dates, for a map of the change).</source>
        <translation>La couche n&apos;a pas de champ « {field} » : lancez d&apos;abord le calcul du score de centralité (ou l&apos;évolution de la centralité entre deux dates, pour une carte de l&apos;évolution).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="198"/>
        <location filename="../../processing/algorithms/commune_sheets.py" line="165"/>
        <source>The layer has no field &apos;{field}&apos;: run the centrality score first.</source>
        <translation>La couche n&apos;a pas de champ « {field} » : lancez d&apos;abord le calcul du score de centralité.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="149"/>
        <source>The layer has the columns of one census only ({found}): the comparateur&apos;s latest and previous censuses (P18_POP and P13_POP in the 2021 edition) give the two dates. Join the whole comparateur file.</source>
        <translation>La couche n&apos;a les colonnes que d&apos;un recensement ({found}) : les deux derniers recensements du comparateur (P18_POP et P13_POP dans l&apos;édition 2021) donnent les deux dates. Joignez le fichier complet du comparateur.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="238"/>
        <source>The layer is neither in a GeoPackage nor in a database that stores styles: its style is applied but not stored with it.</source>
        <translation>La couche n&apos;est ni dans un GeoPackage ni dans une base de données qui enregistre les styles : son style est appliqué mais n&apos;est pas enregistré avec elle.</translation>
    </message>
    <message>
        <source>The layer is not in a GeoPackage: its style is applied but not stored with it.</source>
        <translation type="vanished">La couche n&apos;est pas dans un GeoPackage : son style est appliqué mais n&apos;est pas enregistré avec elle.</translation>
    </message>
    <message>
        <location filename="../../processing/frames.py" line="210"/>
        <source>The layer {name} could not be read.</source>
        <translation>Impossible de lire la couche {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/live.py" line="77"/>
        <source>The layer&apos;s features changed while the panel read them: choose the layer again.</source>
        <translation>Les entités de la couche ont changé pendant que le panneau les lisait : choisissez de nouveau la couche.</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="227"/>
        <source>The layout template has no item of id {ids}: left out.</source>
        <translation>Le modèle de mise en page n&apos;a pas d&apos;objet d&apos;identifiant {ids} : omis.</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="70"/>
        <source>The layout template {path} does not exist.</source>
        <translation>Le modèle de mise en page {path} n&apos;existe pas.</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="77"/>
        <source>The layout template {path} has no map item of id &apos;map&apos;: give the main map that id in the layout&apos;s Item Properties.</source>
        <translation>Le modèle de mise en page {path} n&apos;a pas d&apos;objet carte d&apos;identifiant « map » : donnez cet identifiant à la carte principale dans les Propriétés de l&apos;objet de la mise en page.</translation>
    </message>
    <message>
        <location filename="../../processing/qpt_layouts.py" line="74"/>
        <source>The layout template {path} is not an XML file.</source>
        <translation>Le modèle de mise en page {path} n&apos;est pas un fichier XML.</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="295"/>
        <source>The level style could not be applied to {layer}: {error}</source>
        <translation>Le style des niveaux n&apos;a pas pu être appliqué à {layer} : {error}</translation>
    </message>
    <message>
        <location filename="../../core/sensitivity.py" line="152"/>
        <source>The number of draws is a positive integer, not {value}.</source>
        <translation>Le nombre de tirages est un entier positif, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../processing/table_inputs.py" line="58"/>
        <source>The output file {path} is also one of the tables to join: writing it would replace the table. Choose another output file.</source>
        <translation>Le fichier de sortie {path} est aussi l&apos;une des tables à joindre : l&apos;écrire remplacerait la table. Choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
        <location filename="../../processing/bulk_geopackage.py" line="259"/>
        <source>The output file {path} is the commune layer&apos;s own file: writing it would replace the layer and every other layer of the file. Choose another output file.</source>
        <translation>Le fichier de sortie {path} est celui de la couche des communes : l&apos;écrire remplacerait cette couche et toutes les autres couches du fichier. Choisissez un autre fichier de sortie.</translation>
    </message>
    <message>
        <location filename="../../processing/bulk_geopackage.py" line="477"/>
        <source>The output layer could not be created.</source>
        <translation>Impossible de créer la couche en sortie.</translation>
    </message>
    <message>
        <location filename="../../processing/frames.py" line="398"/>
        <source>The output layer could not be written: {error}</source>
        <translation>Impossible d&apos;écrire la couche en sortie : {error}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="138"/>
        <location filename="../../processing/algorithms/compare_levels.py" line="146"/>
        <location filename="../../processing/algorithms/territory_summary.py" line="105"/>
        <source>The output table could not be created.</source>
        <translation>Impossible de créer la table en sortie.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="422"/>
        <source>The output {path} could not be written: {error}</source>
        <translation>La sortie {path} n&apos;a pas pu être écrite : {error}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="160"/>
        <source>The picture {path} could not be written: check that its folder exists and is writable.</source>
        <translation>L&apos;image {path} n&apos;a pas pu être écrite : vérifiez que son dossier existe et est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="221"/>
        <source>The points output could not be created.</source>
        <translation>La couche de points en sortie n&apos;a pas pu être créée.</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="397"/>
        <source>The previous census ({{previous}}) cannot be found: the layer has the columns of one census only ({seen}). Join the whole comparateur file, which has both censuses, or name the columns in the profile.</source>
        <translation>Le recensement précédent ({{previous}}) est introuvable : la couche n&apos;a les colonnes que d&apos;un recensement ({seen}). Joignez le fichier complet du comparateur, qui a les deux recensements, ou nommez les colonnes dans le profil.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="139"/>
        <source>The profile&apos;s fixed level limits are set for its normalisation ({profile}), not for {chosen}: levels by quantiles instead (the profile&apos;s shares of communes).</source>
        <translation>Les seuils fixes du profil sont établis pour sa normalisation ({profile}), pas pour {chosen} : niveaux par quantiles à la place (les parts de communes du profil).</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="430"/>
        <source>The reference commune &apos;{reference}&apos; is not in the layer (or appears more than once): give the code of one of its communes, e.g. {examples}.</source>
        <translation>La commune de référence « {reference} » n&apos;est pas dans la couche (ou y figure plusieurs fois) : donnez le code d&apos;une de ses communes, par ex. {examples}.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="432"/>
        <source>The reference commune &apos;{reference}&apos; is not in the layer: give the code of one of its communes, e.g. {examples}.</source>
        <translation>La commune de référence « {reference} » n&apos;est pas dans la couche : donnez le code d&apos;une de ses communes, par ex. {examples}.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="482"/>
        <source>The reference commune has no value for {indicators}: choose another reference commune, or give these indicators the missing-data policy &quot;zero&quot; or &quot;median&quot;.</source>
        <translation>La commune de référence n&apos;a pas de valeur pour {indicators} : choisissez une autre commune de référence, ou donnez à ces indicateurs le traitement des données manquantes « zero » ou « median ».</translation>
    </message>
    <message>
        <location filename="../../plugin.py" line="139"/>
        <source>The sample territory could not be opened: {path}</source>
        <translation>Impossible d&apos;ouvrir le territoire d&apos;exemple : {path}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="256"/>
        <source>The sheet template has no item of id {ids}: left out of the pages.</source>
        <translation>Le modèle de fiche n&apos;a pas d&apos;élément d&apos;identifiant {ids} : absent des pages.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="422"/>
        <source>The sheets could not be written to {path} (error {code}: {error}): check that the folder exists and is writable.</source>
        <translation>Les fiches n&apos;ont pas pu être écrites dans {path} (erreur {code} : {error}) : vérifiez que le dossier existe et est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="250"/>
        <source>The style could not be stored in its database: {message}</source>
        <translation>Le style n&apos;a pas pu être enregistré dans sa base de données : {message}</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="59"/>
        <source>The style file {path} could not be read: {message}</source>
        <translation>Impossible de lire le fichier de style {path} : {message}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/apply_style.py" line="190"/>
        <source>The style file {path} could not be written: {message}</source>
        <translation>Impossible d&apos;écrire le fichier de style {path} : {message}</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="53"/>
        <source>The style file {path} is missing: reinstall the plugin.</source>
        <translation>Le fichier de style {path} est absent : réinstallez l&apos;extension.</translation>
    </message>
    <message>
        <location filename="../../processing/bulk_postgis.py" line="363"/>
        <source>The table {table} could not be written: {error}</source>
        <translation>La table {table} n’a pas pu être écrite : {error}</translation>
    </message>
    <message>
        <location filename="../../processing/bulk_postgis.py" line="353"/>
        <source>The table {table} was not replaced: views depend on it ({views}). Its data are kept; write to another table, or drop the views and run again.</source>
        <translation>La table {table} n’a pas été remplacée : des vues en dépendent ({views}). Ses données sont conservées ; écrivez dans une autre table, ou supprimez les vues et relancez.</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="183"/>
        <source>The tables of the two dates must give the same columns, one table for each date.</source>
        <translation>Les tables des deux dates doivent donner les mêmes colonnes, une table par date.</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="207"/>
        <source>The two dates must hold the same communes, in the same order.</source>
        <translation>Les deux dates doivent porter les mêmes communes, dans le même ordre.</translation>
    </message>
    <message>
        <location filename="../../core/sensitivity.py" line="157"/>
        <source>The weight noise is a share between 0 and 1 (0.25 = ±25 %), not {value}.</source>
        <translation>Le bruit sur les poids est une part entre 0 et 1 (0,25 = ±25 %), pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="302"/>
        <source>The weight of {what} must be a positive number, not {weight}.</source>
        <translation>La pondération de {what} doit être un nombre positif, pas {weight}.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="110"/>
        <source>The whole territory or one intercommunality</source>
        <translation>L&apos;ensemble du territoire ou une intercommunalité</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="64"/>
        <source>The {count} most central communes (scores 0–100)</source>
        <translation>Les {count} communes les plus centrales (scores 0–100)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="338"/>
        <source>The {kind} file {path} could not be written (error {code}): check that the folder exists and is writable.</source>
        <translation>Impossible d&apos;écrire le fichier {kind} {path} (erreur {code}) : vérifiez que le dossier existe et qu&apos;il est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="305"/>
        <source>The {kind} file {path} could not be written: check that the folder exists and is writable.</source>
        <translation>Impossible d&apos;écrire le fichier {kind} {path} : vérifiez que le dossier existe et qu&apos;il est accessible en écriture.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="170"/>
        <location filename="../../core/trajectory.py" line="209"/>
        <source>There is no commune to score: the layer has no feature.</source>
        <translation>Aucune commune à noter : la couche n&apos;a aucune entité.</translation>
    </message>
    <message>
        <location filename="../../ui/live_controller.py" line="218"/>
        <source>This layer cannot be changed (its format is read-only): the panel and the map show the new scores, the layer keeps the old ones.</source>
        <translation>Cette couche ne peut pas être modifiée (format en lecture seule) : le panneau et la carte montrent les nouveaux scores, la couche garde les anciens.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="332"/>
        <source>This layer has no centrality scores: run “Centrality score” first.</source>
        <translation>Cette couche n&apos;a pas de scores de centralité : lancez d&apos;abord « Score de centralité ».</translation>
    </message>
    <message>
        <location filename="../../ui/why_tab.py" line="45"/>
        <source>This layer has no contributions (contrib_* fields): run “Centrality score” again to see them.</source>
        <translation>Cette couche n&apos;a pas de contributions (champs contrib_*) : relancez « Score de centralité » pour les voir.</translation>
    </message>
    <message>
        <location filename="../../ui/live_controller.py" line="149"/>
        <source>This layer is a table of a shared database: the panel shows the new scores and changes the table only when you click here</source>
        <translation>Cette couche est une table d&apos;une base de données partagée : le panneau montre les nouveaux scores et ne modifie la table que lorsque vous cliquez ici</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="257"/>
        <source>This layer ↓</source>
        <translation>Cette couche ↓</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="417"/>
        <source>This profile cannot re-score the layer: {problem}</source>
        <translation>Ce profil ne peut pas recalculer la couche : {problem}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="104"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_inrae_anct.json" line="29"/>
        <source>Tourism equipment (BPE G)</source>
        <translation>Équipements de tourisme (BPE G)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="124"/>
        <source>Transition table (levels at the two dates)</source>
        <translation>Table de transitions (niveaux aux deux dates)</translation>
    </message>
    <message>
        <location filename="../profiles/equipements_inrae_anct.json" line="28"/>
        <source>Transport and travel equipment (BPE E)</source>
        <translation>Équipements de transports et déplacements (BPE E)</translation>
    </message>
    <message>
        <location filename="../../core/vocabulary.py" line="22"/>
        <source>Travailler</source>
        <translation>Travailler</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="131"/>
        <location filename="../../core/scoring.py" line="544"/>
        <location filename="../../core/sensitivity.py" line="170"/>
        <source>Unknown aggregation {value}: expected one of {expected}.</source>
        <translation>Agrégation inconnue {value} : valeurs attendues {expected}.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="198"/>
        <source>Unknown indicator {key}: expected one of {expected}.</source>
        <translation>Indicateur inconnu {key} : attendu l&apos;un de {expected}.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="132"/>
        <location filename="../../core/scoring.py" line="184"/>
        <location filename="../../core/scoring.py" line="586"/>
        <source>Unknown level method {value}: expected one of {expected}.</source>
        <translation>Méthode des niveaux inconnue {value} : valeurs attendues {expected}.</translation>
    </message>
    <message>
        <location filename="../../core/scoring.py" line="130"/>
        <location filename="../../core/scoring.py" line="491"/>
        <location filename="../../core/sensitivity.py" line="166"/>
        <source>Unknown normalisation {value}: expected one of {expected}.</source>
        <translation>Normalisation inconnue {value} : valeurs attendues {expected}.</translation>
    </message>
    <message>
        <location filename="../profiles/aula_360.json" line="56"/>
        <location filename="../profiles/aula_360_gammes.json" line="56"/>
        <source>Vacant dwellings {census} (%)</source>
        <translation>Logements vacants {census} (%)</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="76"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="300"/>
        <source>Weakest: {items}.</source>
        <translation>Les plus faibles : {items}.</translation>
    </message>
    <message>
        <location filename="../../core/explain.py" line="39"/>
        <source>Weaknesses: {items}.</source>
        <translation>Faiblesses : {items}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="79"/>
        <source>Weight perturbation</source>
        <translation>Perturbation des poids</translation>
    </message>
    <message>
        <location filename="../../core/sensitivity.py" line="154"/>
        <source>Weight perturbation {value}: expected one of {expected}.</source>
        <translation>Perturbation des poids {value} : valeurs attendues {expected}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="90"/>
        <source>Weighted kappa (linear)</source>
        <translation>Kappa pondéré (linéaire)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="89"/>
        <source>Weighted kappa (quadratic)</source>
        <translation>Kappa pondéré (quadratique)</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="161"/>
        <source>Weights (the map follows)</source>
        <translation>Pondérations (la carte suit)</translation>
    </message>
    <message>
        <location filename="../../ui/live_controller.py" line="239"/>
        <source>Weights set in the Centralités panel, from “{name}”.</source>
        <translation>Pondérations réglées dans le panneau Centralités, à partir de « {name} ».</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="140"/>
        <source>Which choice moves the ranks: median band width {weights} ranks with the weights alone drawn (ecart_poids), {methods} with the methods alone (ecart_methodes).</source>
        <translation>Ce qui fait bouger les rangs : largeur médiane de la bande {weights} rangs quand seuls les poids sont tirés (ecart_poids), {methods} quand seules les méthodes le sont (ecart_methodes).</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="145"/>
        <source>Whole territory</source>
        <translation>Ensemble du territoire</translation>
    </message>
    <message>
        <location filename="../../processing/sheet_pages.py" line="68"/>
        <location filename="../../ui/dock.py" line="270"/>
        <source>Why this score</source>
        <translation>Pourquoi ce score</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="195"/>
        <source>Write a profile (JSON) with these weights, for the Centrality score algorithm</source>
        <translation>Écrire un profil (JSON) avec ces pondérations, pour l&apos;algorithme Score de centralité</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="198"/>
        <source>Write scores to the layer</source>
        <translation>Écrire les scores dans la couche</translation>
    </message>
    <message>
        <location filename="../../processing/bulk_geopackage.py" line="470"/>
        <source>Writing feature by feature ({reason}).</source>
        <translation>Écriture entité par entité ({reason}).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="209"/>
        <source>Writing the points feature by feature ({reason}).</source>
        <translation>Écriture des points entité par entité ({reason}).</translation>
    </message>
    <message>
        <location filename="../../ui/live_controller.py" line="151"/>
        <source>Writing this layer takes longer than a slider move: the map shows the new scores at once, and they are written into the layer when you click here, choose another layer or close the panel</source>
        <translation>Écrire cette couche prend plus de temps qu&apos;un mouvement de curseur : la carte montre tout de suite les nouveaux scores, et ils sont écrits dans la couche quand vous cliquez ici, choisissez une autre couche ou fermez le panneau</translation>
    </message>
    <message>
        <location filename="../../processing/bulk_postgis.py" line="303"/>
        <source>Written in bulk to the PostGIS table {table} (COPY, one transaction).</source>
        <translation>Écrit en bloc dans la table PostGIS {table} (COPY, une seule transaction).</translation>
    </message>
    <message>
        <location filename="../../processing/bulk_geopackage.py" line="204"/>
        <source>Written in bulk to {path} (GDAL).</source>
        <translation>Écrit en bloc dans {path} (GDAL).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="89"/>
        <source>Year (AN) to count (empty: the latest in the file)</source>
        <translation>Année (AN) à compter (vide : la plus récente du fichier)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="87"/>
        <location filename="../../processing/profile_inputs.py" line="23"/>
        <source>Z-score</source>
        <translation>Score z (centré réduit)</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="165"/>
        <source>a table de passage sums it onto today&apos;s commune</source>
        <translation>une table de passage l&apos;additionne sur la commune actuelle</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="39"/>
        <source>absent</source>
        <translation>absente</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="47"/>
        <source>ambiguous passage</source>
        <translation>passage ambigu</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="235"/>
        <source>arrondissement of {city}</source>
        <translation>arrondissement de {city}</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="144"/>
        <source>births and deaths</source>
        <translation>naissances et décès</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="142"/>
        <source>census</source>
        <translation>recensement</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="99"/>
        <source>census {latest}</source>
        <translation>recensement {latest}</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="96"/>
        <source>census {latest} and {previous}</source>
        <translation>recensements {latest} et {previous}</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="212"/>
        <source>chosen columns in no table: {missing}. Columns found: {available}.</source>
        <translation>colonnes choisies présentes dans aucune table : {missing}. Colonnes trouvées : {available}.</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="304"/>
        <source>code &apos;{before}&apos; read as &apos;{after}&apos;</source>
        <translation>code « {before} » lu comme « {after} »</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="190"/>
        <source>column {column} renamed {name}: the name was already taken</source>
        <translation>colonne {column} renommée {name} : le nom était déjà pris</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="264"/>
        <source>columns left empty, a part is secret or empty: {columns}</source>
        <translation>colonnes laissées vides, une partie est secrète ou vide : {columns}</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="260"/>
        <source>columns left empty, they cannot be summed from the parts: {columns}</source>
        <translation>colonnes laissées vides, elles ne peuvent pas être additionnées à partir des parties : {columns}</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="173"/>
        <source>commune kept, its columns from this table left empty (NULL)</source>
        <translation>commune conservée, ses colonnes issues de cette table laissées vides (NULL)</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="174"/>
        <source>commune kept, its columns from this table left empty (NULL); its department has codes that look merged: it may be a commune created since the table&apos;s year, which a table de passage fills from its former communes</source>
        <translation>commune conservée, ses colonnes issues de cette table laissées vides (NULL) ; son département a des codes qui semblent fusionnés : il s&apos;agit peut-être d&apos;une commune créée depuis l&apos;année de la table, qu&apos;une table de passage remplit à partir de ses anciennes communes</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="243"/>
        <source>commune merged since: {passage}, {old} -&gt; {new}</source>
        <translation>commune fusionnée depuis : {passage}, {old} -&gt; {new}</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="107"/>
        <source>comparateur {edition} edition</source>
        <translation>comparateur, édition {edition}</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="109"/>
        <source>comparateur, edition not in the plugin&apos;s list (years read from the column names)</source>
        <translation>comparateur, édition absente de la liste de l&apos;extension (années lues dans les noms de colonnes)</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="40"/>
        <source>duplicate</source>
        <translation>doublon</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="142"/>
        <source>end of the births period</source>
        <translation>fin de la période des naissances</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="521"/>
        <source>equipment {typequ} not placed: no usable coordinates in {columns} ({values}); it is still counted in its commune</source>
        <translation>équipement {typequ} non placé : pas de coordonnées utilisables dans {columns} ({values}) ; il reste compté dans sa commune</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="144"/>
        <source>establishments</source>
        <translation>établissements</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="103"/>
        <source>establishments {year}</source>
        <translation>établissements {year}</translation>
    </message>
    <message>
        <location filename="../../processing/change_map.py" line="72"/>
        <location filename="../../ui/trajectory_tab.py" line="70"/>
        <source>fell a level</source>
        <translation>recule d&apos;un niveau</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="330"/>
        <source>file name</source>
        <translation>nom du fichier</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="174"/>
        <source>gain</source>
        <translation>gain</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="81"/>
        <source>gamme lists</source>
        <translation>listes des gammes</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="337"/>
        <source>gamme lists given</source>
        <translation>listes des gammes fournies</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="189"/>
        <source>gamme lists of {path} (GAMMES parameter)</source>
        <translation>listes des gammes de {path} (paramètre GAMMES)</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="173"/>
        <source>given</source>
        <translation>indiquée</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="70"/>
        <source>held its level</source>
        <translation>garde son niveau</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="143"/>
        <source>income</source>
        <translation>revenus</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="101"/>
        <source>income {year}</source>
        <translation>revenus {year}</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="103"/>
        <source>inh./km²</source>
        <translation>hab./km²</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="75"/>
        <location filename="../../core/join.py" line="42"/>
        <source>invalid code</source>
        <translation>code invalide</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="76"/>
        <source>invalid equipment type</source>
        <translation>type d&apos;équipement invalide</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="223"/>
        <source>its years have no earlier date in the layer&apos;s columns ({columns})</source>
        <translation>ses années n&apos;ont pas de date antérieure dans les colonnes de la couche ({columns})</translation>
    </message>
    <message>
        <location filename="../../core/quality.py" line="115"/>
        <source>less</source>
        <translation>moins</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="174"/>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <location filename="../../core/quality.py" line="115"/>
        <source>more</source>
        <translation>plus</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="80"/>
        <location filename="../../ui/charts.py" line="200"/>
        <source>no commune selected</source>
        <translation>aucune commune sélectionnée</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="82"/>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="272"/>
        <source>no coordinates</source>
        <translation>sans coordonnées</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="80"/>
        <source>no gamme</source>
        <translation>hors gamme</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="246"/>
        <source>no value for any commune at {date}</source>
        <translation>aucune valeur pour aucune commune à {date}</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="229"/>
        <source>no {columns} at the earlier date</source>
        <translation>pas de {columns} à la date antérieure</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="232"/>
        <source>no {columns} at the later date</source>
        <translation>pas de {columns} à la date récente</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="316"/>
        <location filename="../../processing/algorithms/centrality_change.py" line="151"/>
        <source>none</source>
        <translation>aucune</translation>
    </message>
    <message>
        <location filename="../../processing/qml_styles.py" line="57"/>
        <source>not a QML document</source>
        <translation>pas un document QML</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="221"/>
        <source>not in the profile at the earlier date</source>
        <translation>absent du profil à la date antérieure</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="77"/>
        <source>not numeric</source>
        <translation>non numérique</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="46"/>
        <source>not summable</source>
        <translation>non additionnable</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="222"/>
        <location filename="../../core/tables.py" line="109"/>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="78"/>
        <source>other year</source>
        <translation>autre année</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="101"/>
        <source>per 1,000 inh.</source>
        <translation>pour 1 000 hab.</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="177"/>
        <source>points against the median</source>
        <translation>points par rapport à la médiane</translation>
    </message>
    <message>
        <source>points of the composite score against the territory&apos;s median</source>
        <translation type="vanished">points du score composite par rapport à la médiane du territoire</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="142"/>
        <source>previous census</source>
        <translation>recensement précédent</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="25"/>
        <source>pyqtgraph is not installed: the layout has no chart of the leading communes (install python3-pyqtgraph, or pip install pyqtgraph, to get it).</source>
        <translation>pyqtgraph n&apos;est pas installé : la mise en page n&apos;a pas de graphique des communes les plus centrales (installez python3-pyqtgraph, ou pip install pyqtgraph, pour l&apos;obtenir).</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="41"/>
        <source>re-coded</source>
        <translation>recodé</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="43"/>
        <source>renamed column</source>
        <translation>colonne renommée</translation>
    </message>
    <message>
        <location filename="../../processing/change_map.py" line="71"/>
        <location filename="../../ui/trajectory_tab.py" line="70"/>
        <source>rose a level</source>
        <translation>progresse d&apos;un niveau</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="349"/>
        <source>row left out: &apos;{typequ}&apos; is not an equipment type (a letter A-G and 3 digits)</source>
        <translation>ligne écartée : « {typequ} » n&apos;est pas un type d&apos;équipement (une lettre de A à G et 3 chiffres)</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="356"/>
        <source>row left out: NB_EQUIP &apos;{value}&apos; is not a count</source>
        <translation>ligne écartée : NB_EQUIP « {value} » n&apos;est pas un nombre d&apos;équipements</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="343"/>
        <source>row left out: not a commune code</source>
        <translation>ligne écartée : ce n&apos;est pas un code commune</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="160"/>
        <source>row not joined: arrondissement of {city}; the table&apos;s own row for {code} was used</source>
        <translation>ligne non jointe : arrondissement de {city} ; la ligne de la table pour {code} a été utilisée</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="155"/>
        <source>row not joined: no commune with this code in the layer</source>
        <translation>ligne non jointe : aucune commune de la couche n&apos;a ce code</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="166"/>
        <source>row not joined: no commune with this code in the layer, which holds the other codes of its department: it looks like a commune merged since the table&apos;s year ({remedy})</source>
        <translation>ligne non jointe : aucune commune de la couche n&apos;a ce code, alors que la couche contient les autres codes de son département : cela ressemble à une commune fusionnée depuis l&apos;année de la table ({remedy})</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="311"/>
        <source>row not joined: not a commune code</source>
        <translation>ligne non jointe : ce n&apos;est pas un code commune</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="317"/>
        <source>row not joined: the first row with this code was kept</source>
        <translation>ligne non jointe : la première ligne avec ce code a été conservée</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="255"/>
        <source>row summed onto {code} ({reason})</source>
        <translation>ligne additionnée sur {code} ({reason})</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="44"/>
        <source>secret or empty</source>
        <translation>secret ou vide</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="48"/>
        <source>short row</source>
        <translation>ligne incomplète</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="214"/>
        <source>strength</source>
        <translation>atout</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="79"/>
        <location filename="../../core/join.py" line="45"/>
        <source>summed</source>
        <translation>additionnée</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="169"/>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="83"/>
        <source>territory mean (grey)</source>
        <translation>moyenne du territoire (gris)</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="381"/>
        <source>the census years ({{census}}, {{previous}})</source>
        <translation>les années de recensement ({{census}}, {{previous}})</translation>
    </message>
    <message>
        <location filename="../../processing/layout_tables.py" line="84"/>
        <source>the commune layer&apos;s database (tables {tables})</source>
        <translation>la base de données de la couche des communes (tables {tables})</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="165"/>
        <source>the communes&apos; areas</source>
        <translation>les surfaces des communes</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="245"/>
        <source>the earlier date</source>
        <translation>la date antérieure</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="383"/>
        <source>the establishments&apos; year ({{establishments}})</source>
        <translation>l&apos;année des établissements ({{establishments}})</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="382"/>
        <source>the income year ({{income}})</source>
        <translation>l&apos;année des revenus ({{income}})</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="245"/>
        <source>the later date</source>
        <translation>la date récente</translation>
    </message>
    <message>
        <location filename="../../core/agreement.py" line="50"/>
        <source>the layer&apos;s levels</source>
        <translation>les niveaux de la couche</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="287"/>
        <source>the line has fewer cells than the header: the missing cells are left empty</source>
        <translation>la ligne a moins de cellules que l&apos;en-tête : les cellules manquantes sont laissées vides</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="385"/>
        <source>the period of births and deaths ({{births}})</source>
        <translation>la période des naissances et décès ({{births}})</translation>
    </message>
    <message>
        <location filename="../../core/agreement.py" line="51"/>
        <source>the reference levels</source>
        <translation>les niveaux de référence</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="164"/>
        <source>the table de passage does not list it</source>
        <translation>la table de passage ne le mentionne pas</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="384"/>
        <source>the year of domiciled births and deaths ({{civil}})</source>
        <translation>l&apos;année des naissances et décès domiciliés ({{civil}})</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="60"/>
        <source>two dates</source>
        <translation>deux dates</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="410"/>
        <source>types in no gamme, counted in {column}: {types}</source>
        <translation>types hors gamme, comptés dans {column} : {types}</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="423"/>
        <location filename="../../processing/frames.py" line="399"/>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="38"/>
        <source>unmatched</source>
        <translation>sans correspondance</translation>
    </message>
    <message>
        <location filename="../../processing/bulk_postgis.py" line="178"/>
        <source>views depend on the table {table}: {views}</source>
        <translation>des vues dépendent de la table {table} : {views}</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="216"/>
        <source>weakness</source>
        <translation>faiblesse</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="311"/>
        <source>whole territory</source>
        <translation>ensemble du territoire</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="328"/>
        <source>year given</source>
        <translation>année indiquée</translation>
    </message>
    <message>
        <location filename="../../core/trajectory.py" line="226"/>
        <source>{columns}: one date only (give a table of each date, such as the BPE of two years)</source>
        <translation>{columns} : une seule date (donnez une table pour chaque date, comme la BPE de deux années)</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="377"/>
        <source>{column} exists in no edition of INSEE&apos;s comparateur known to the plugin: check its spelling.</source>
        <translation>{column} n&apos;existe dans aucune édition du comparateur de l&apos;INSEE connue de l&apos;extension : vérifiez son orthographe.</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="491"/>
        <source>{column} is a comparateur column of another year; write {role} in the profile to follow the editions.</source>
        <translation>{column} est une colonne du comparateur d&apos;une autre année ; écrivez {role} dans le profil pour suivre les éditions.</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="487"/>
        <source>{column} is the name of the comparateur&apos;s {editions} edition; this layer has {here} ({describe}). Write {role} in the profile to follow the editions.</source>
        <translation>{column} est le nom de l&apos;édition {editions} du comparateur ; cette couche a {here} ({describe}). Écrivez {role} dans le profil pour suivre les éditions.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="128"/>
        <source>{compared} communes compared with {reference}: exact agreement {exact:.1%}, weighted kappa {quadratic:.3f} (quadratic), {linear:.3f} (linear); {higher} put higher than the reference, {lower} lower, {apart} two levels apart or more.</source>
        <translation>{compared} communes comparées aux {reference} : accord exact {exact:.1%}, kappa pondéré {quadratic:.3f} (quadratique), {linear:.3f} (linéaire) ; {higher} placées plus haut que la référence, {lower} plus bas, {apart} à deux niveaux d&apos;écart ou plus.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="260"/>
        <source>{compared} communes; exact agreement {exact:.1%}; weighted kappa {kappa:.3f}</source>
        <translation>{compared} communes ; accord exact {exact:.1%} ; kappa pondéré {kappa:.3f}</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="322"/>
        <source>{count} PDF files in {folder}.</source>
        <translation>{count} fichiers PDF dans {folder}.</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="148"/>
        <source>{count} cells of {column} left empty (NULL)</source>
        <translation>{count} cellules de {column} laissées vides (NULL)</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/centrality_change.py" line="276"/>
        <source>{count} commune code(s) of {first} are neither in {second} nor in the layer ({codes}): communes outside the territory without equipment at the later date, or communes merged between the two dates. If one of them lies in your territory, give the table de passage (PASSAGE): its equipment is summed onto today&apos;s commune instead of being left out.</source>
        <translation>{count} code(s) commune de {first} ne sont ni dans {second} ni dans la couche ({codes}) : communes hors du territoire sans équipement à la seconde date, ou communes fusionnées entre les deux dates. Si l&apos;une d&apos;elles est dans votre territoire, donnez la table de passage (PASSAGE) : ses équipements sont alors ajoutés à la commune d&apos;aujourd&apos;hui au lieu d&apos;être laissés de côté.</translation>
    </message>
    <message>
        <source>{count} commune(s) have no indicator value at all: kept, with empty scores.</source>
        <translation type="vanished">{count} commune(s) sans aucune valeur d&apos;indicateur : conservée(s), avec des scores vides.</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="240"/>
        <source>{count} communes from {level_before} ({before}) to {level_after} ({after}); population {population_before} in {before}, {population_after} in {after}. Click to select them.</source>
        <translation>{count} communes de {level_before} ({before}) à {level_after} ({after}) ; population {population_before} en {before}, {population_after} en {after}. Cliquez pour les sélectionner.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="465"/>
        <source>{count} communes re-scored in {rescore:.0f} ms, map in {write:.0f} ms</source>
        <translation>{count} communes recalculées en {rescore:.0f} ms, carte en {write:.0f} ms</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="538"/>
        <source>{count} communes selected on the map.</source>
        <translation>{count} communes sélectionnées sur la carte.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="268"/>
        <source>{count} equipments with EPSG:{code} could not be reprojected to EPSG:2154: not placed; they are still counted in their commune</source>
        <translation>{count} équipements en EPSG:{code} n&apos;ont pas pu être reprojetés en EPSG:2154 : non placés ; ils restent comptés dans leur commune</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="270"/>
        <source>{count} equipments with EPSG:{code}, a CRS QGIS does not know: not placed; they are still counted in their commune</source>
        <translation>{count} équipements en EPSG:{code}, un SCR inconnu de QGIS : non placés ; ils restent comptés dans leur commune</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="155"/>
        <source>{count} equipments without an EPSG value: their CRS was taken from their département (Lambert 93; UTM overseas).</source>
        <translation>{count} équipements sans valeur EPSG : leur SCR est déduit de leur département (Lambert 93 ; UTM outre-mer).</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="193"/>
        <source>{count} levels higher than the reference</source>
        <translation>{count} niveaux plus haut que la référence</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/compare_levels.py" line="194"/>
        <source>{count} levels lower than the reference</source>
        <translation>{count} niveaux plus bas que la référence</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="324"/>
        <source>{count} pages written to {path}.</source>
        <translation>{count} pages écrites dans {path}.</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="380"/>
        <source>{count} rows of the arrondissements of {city} counted in {code}</source>
        <translation>{count} lignes des arrondissements de {city} comptées dans {code}</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="324"/>
        <source>{count} rows of year {year} left out: only {kept} is counted</source>
        <translation>{count} lignes de l&apos;année {year} écartées : seule l&apos;année {kept} est comptée</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/commune_sheets.py" line="193"/>
        <source>{count} sheets to make.</source>
        <translation>{count} fiches à produire.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/territory_summary.py" line="107"/>
        <source>{count} territories summarised.</source>
        <translation>{count} territoires synthétisés.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/sensitivity.py" line="154"/>
        <source>{draws} draws…</source>
        <translation>{draws} tirages…</translation>
    </message>
    <message>
        <location filename="../../processing/table_inputs.py" line="101"/>
        <source>{entry}: neither a CSV file nor a table QGIS can open.</source>
        <translation>{entry} : ni un fichier CSV, ni une table que QGIS sait ouvrir.</translation>
    </message>
    <message>
        <location filename="../../processing/postgis_tables.py" line="109"/>
        <source>{entry}: not a PostGIS output QGIS can write. Write it postgres://dbname=… host=… port=… user=… table=&quot;public&quot;.&quot;table&quot; (geom), or with a service: postgres://service=… table=&quot;public&quot;.&quot;table&quot; (geom).</source>
        <translation>{entry} : pas une sortie PostGIS que QGIS sait écrire. Écrivez-la postgres://dbname=… host=… port=… user=… table=&quot;public&quot;.&quot;table&quot; (geom), ou avec un service : postgres://service=… table=&quot;public&quot;.&quot;table&quot; (geom).</translation>
    </message>
    <message>
        <location filename="../../processing/addresses.py" line="87"/>
        <source>{entry}: not a table QGIS can open. A PostGIS table is written postgres://dbname=… host=… port=… user=… table=&quot;public&quot;.&quot;table&quot; (QGIS&apos;s form) or PG:dbname=… host=… port=… user=… tables=public.table (OGR&apos;s).</source>
        <translation>{entry} : ce n&apos;est pas une table que QGIS sait ouvrir. Une table PostGIS s&apos;écrit postgres://dbname=… host=… port=… user=… table=&quot;public&quot;.&quot;table&quot; (forme de QGIS) ou PG:dbname=… host=… port=… user=… tables=public.table (forme d&apos;OGR).</translation>
    </message>
    <message>
        <location filename="../../processing/addresses.py" line="81"/>
        <source>{entry}: the address names no table. Add the table to it, e.g. postgres://dbname=… host=… port=… user=… table=&quot;public&quot;.&quot;communes&quot; (geom).</source>
        <translation>{entry} : l&apos;adresse ne nomme aucune table. Ajoutez-la, par ex. postgres://dbname=… host=… port=… user=… table=&quot;public&quot;.&quot;communes&quot; (geom).</translation>
    </message>
    <message>
        <location filename="../../processing/postgis_tables.py" line="103"/>
        <source>{entry}: the output address names no table. Add the table to it, e.g. postgres://dbname=… host=… port=… user=… table=&quot;public&quot;.&quot;scores&quot; (geom).</source>
        <translation>{entry} : l&apos;adresse de sortie ne nomme aucune table. Ajoutez-la, par ex. postgres://dbname=… host=… port=… user=… table=&quot;public&quot;.&quot;scores&quot; (geom).</translation>
    </message>
    <message>
        <location filename="../../processing/table_inputs.py" line="71"/>
        <location filename="../../processing/table_inputs.py" line="82"/>
        <location filename="../../processing/table_inputs.py" line="104"/>
        <source>{entry}: the table has no rows.</source>
        <translation>{entry} : la table ne contient aucune ligne.</translation>
    </message>
    <message>
        <location filename="../../processing/addresses.py" line="85"/>
        <source>{entry}: write a PostGIS layer as {address} (QGIS&apos;s data source URI after postgres://).</source>
        <translation>{entry} : écrivez une couche PostGIS sous la forme {address} (l&apos;URI de source de données de QGIS après postgres://).</translation>
    </message>
    <message>
        <location filename="../../processing/postgis_tables.py" line="107"/>
        <source>{entry}: write a PostGIS output as {address} (QGIS&apos;s data source URI after postgres://, the form QGIS writes and opens).</source>
        <translation>{entry} : écrivez une sortie PostGIS sous la forme {address} (l&apos;URI de source de données de QGIS après postgres://, la forme que QGIS écrit et ouvre).</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="441"/>
        <source>{found} read for {template}: the name of the comparateur&apos;s {edition} edition.</source>
        <translation>{found} lu pour {template} : le nom de l&apos;édition {edition} du comparateur.</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="289"/>
        <source>{found}: a release of the {edition} edition the plugin&apos;s list does not have (it has {expected}); the years are read from the column names.</source>
        <translation>{found} : une version de l&apos;édition {edition} absente de la liste de l&apos;extension (elle a {expected}) ; les années sont lues dans les noms de colonnes.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/export_layout.py" line="310"/>
        <source>{kind} pages: {paths}</source>
        <translation>Pages {kind} : {paths}</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="291"/>
        <source>{label} {value} (ahead of {share} % of the territory&apos;s communes)</source>
        <translation>{label} {value} (devant {share} % des communes du territoire)</translation>
    </message>
    <message>
        <location filename="../../core/explain.py" line="40"/>
        <source>{label} {value} (rank {rank})</source>
        <translation>{label} {value} (rang {rank})</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="319"/>
        <source>{label}: no data</source>
        <translation>{label} : pas de donnée</translation>
    </message>
    <message>
        <location filename="../../processing/base.py" line="111"/>
        <source>{label}: no feature is selected, and only the selected features are to be used. Select the communes, or untick “Selected features only”.</source>
        <translation>{label} : aucune entité n&apos;est sélectionnée, et seules les entités sélectionnées doivent être utilisées. Sélectionnez les communes, ou décochez « Entités sélectionnées uniquement ».</translation>
    </message>
    <message>
        <location filename="../../processing/frames.py" line="473"/>
        <source>{label}: the field &apos;{name}&apos; is not in the layer. Fields found: {names}.</source>
        <translation>{label} : le champ « {name} » n&apos;est pas dans la couche. Champs présents : {names}.</translation>
    </message>
    <message>
        <location filename="../../processing/base.py" line="113"/>
        <source>{label}: the layer has no feature.</source>
        <translation>{label} : la couche n&apos;a aucune entité.</translation>
    </message>
    <message>
        <location filename="../../processing/postgis_tables.py" line="161"/>
        <source>{label}: the table {table} already exists and {count} view(s) depend on it ({views}). Writing the output would drop the table, and the views with it: nothing was written, the table and its views are as they were. Choose another table name, or drop the views, run again and recreate them.</source>
        <translation>{label} : la table {table} existe déjà et {count} vue(s) en dépendent ({views}). Écrire la sortie supprimerait la table, et les vues avec elle : rien n&apos;a été écrit, la table et ses vues sont restées telles quelles. Choisissez un autre nom de table, ou supprimez les vues, relancez puis recréez-les.</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="321"/>
        <source>{label}: {start} in {first} → {end} in {last}, {rate} a year (territory: {territory})</source>
        <translation>{label} : {start} en {first} → {end} en {last}, {rate} par an (territoire : {territory})</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="139"/>
        <location filename="../../ui/trajectory_tab.py" line="141"/>
        <source>{level} in {year}</source>
        <translation>{level} en {year}</translation>
    </message>
    <message>
        <location filename="../../ui/charts.py" line="82"/>
        <source>{name} (light)</source>
        <translation>{name} (clair)</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="202"/>
        <source>{name} is not scored: too few of its indicators have a value.</source>
        <translation>{name} n&apos;est pas scorée : trop peu de ses indicateurs ont une valeur.</translation>
    </message>
    <message>
        <location filename="../../core/sheets.py" line="195"/>
        <source>{name} ranks {rank} of the {count} communes scored, with a composite score of {score}/100: level {level}.</source>
        <translation>{name} est au rang {rank} des {count} communes scorées, avec un score composite de {score}/100 : niveau {level}.</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="131"/>
        <source>{name}: no row could be counted. {summary}</source>
        <translation>{name} : aucune ligne n&apos;a pu être comptée. {summary}</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="547"/>
        <source>{name}: rank {rank}, {level}, composite score {score:.1f}</source>
        <translation>{name} : rang {rank}, {level}, score composite {score:.1f}</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="170"/>
        <source>{name}: {level_before} in {before} → {level_after} in {after}, {points} points</source>
        <translation>{name} : {level_before} en {before} → {level_after} en {after}, {points} points</translation>
    </message>
    <message>
        <location filename="../../processing/algorithms/aggregate_bpe.py" line="165"/>
        <source>{note}; {count} types in no gamme (counted in NB_EQUIP_HORS_GAMME): {types}.</source>
        <translation>{note} ; {count} types hors gamme (comptés dans NB_EQUIP_HORS_GAMME) : {types}.</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="247"/>
        <source>{passage} gives several new codes for it ({old} -&gt; {new}): not summed</source>
        <translation>{passage} lui donne plusieurs nouveaux codes ({old} -&gt; {new}) : non additionnée</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="105"/>
        <source>{path} could not be written: {detail}</source>
        <translation>{path} n&apos;a pas pu être écrit : {detail}</translation>
    </message>
    <message>
        <location filename="../../processing/layout_tables.py" line="87"/>
        <source>{path} for {layers}, which the database did not take (no right to create tables?)</source>
        <translation>{path} pour {layers}, que la base de données n&apos;a pas acceptées (pas le droit d&apos;y créer des tables ?)</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="534"/>
        <source>{path} holds {count} features of the {expected} written: it is not kept.</source>
        <translation>{path} contient {count} entités sur les {expected} écrites : il n&apos;est pas conservé.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="151"/>
        <source>{path} is a folder: give a file name for the output.</source>
        <translation>{path} est un dossier : donnez un nom de fichier pour la sortie.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="529"/>
        <source>{path} was written but cannot be opened again: it is not kept. Check the disk and the folder, then run again.</source>
        <translation>{path} a été écrit mais ne peut pas être rouvert : il n&apos;est pas conservé. Vérifiez le disque et le dossier, puis relancez.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="532"/>
        <source>{path} was written without the fields {fields}: it is not kept.</source>
        <translation>{path} a été écrit sans les champs {fields} : il n&apos;est pas conservé.</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="178"/>
        <source>{path}, line {line}: a quoted value opens there and is never closed: the file is truncated or a quote is missing. Download or export it again.</source>
        <translation>{path}, ligne {line} : une valeur entre guillemets s&apos;ouvre ici et n&apos;est jamais fermée : le fichier est tronqué ou il manque un guillemet. Téléchargez-le ou exportez-le à nouveau.</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="113"/>
        <source>{path}, line {line}: gamme &apos;{gamme}&apos; is not one of {gammes}.</source>
        <translation>{path}, ligne {line} : la gamme « {gamme} » ne fait pas partie de {gammes}.</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="173"/>
        <source>{path}, line {line}: {seen} cells where the header has {expected} (separator &apos;{separator}&apos;). A value holding the separator must be quoted; fix or remove that line.</source>
        <translation>{path}, ligne {line} : {seen} cellules alors que l&apos;en-tête en a {expected} (séparateur « {separator} »). Une valeur contenant le séparateur doit être entre guillemets ; corrigez ou supprimez cette ligne.</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="116"/>
        <source>{path}, line {line}: {typequ} is in two gammes ({first}, {second}).</source>
        <translation>{path}, ligne {line} : {typequ} figure dans deux gammes ({first}, {second}).</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="104"/>
        <source>{path}: a gamme file needs the columns TYPEQU and GAMME (missing: {missing}). Columns found: {columns}.</source>
        <translation>{path} : un fichier de gammes doit avoir les colonnes TYPEQU et GAMME (manquantes : {missing}). Colonnes trouvées : {columns}.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="102"/>
        <source>{path}: a part of this path is a file, not a folder. Choose another folder.</source>
        <translation>{path} : une partie de ce chemin est un fichier, pas un dossier. Choisissez un autre dossier.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="397"/>
        <source>{path}: a shapefile holds at most {limit} fields and this output has {count}. Choose a GeoPackage (.gpkg) output.</source>
        <translation>{path} : un shapefile contient au plus {limit} champs et cette sortie en a {count}. Choisissez une sortie GeoPackage (.gpkg).</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="391"/>
        <source>{path}: a shapefile keeps field names of at most 10 characters, and {count} of this output&apos;s names are longer ({fields}): they would be cut (score_centralite → score_cent) and the next steps would not find them. Choose a GeoPackage (.gpkg) output.</source>
        <translation>{path} : un shapefile garde des noms de champs d&apos;au plus 10 caractères, et {count} noms de cette sortie sont plus longs ({fields}) : ils seraient tronqués (score_centralite → score_cent) et les étapes suivantes ne les trouveraient pas. Choisissez une sortie GeoPackage (.gpkg).</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="47"/>
        <location filename="../../processing/table_inputs.py" line="97"/>
        <source>{path}: file not found.</source>
        <translation>{path} : fichier introuvable.</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="182"/>
        <source>{path}: malformed table ({error}). Check the line it names.</source>
        <translation>{path} : table mal formée ({error}). Vérifiez la ligne indiquée.</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="77"/>
        <source>{path}: no header line found.</source>
        <translation>{path} : aucune ligne d&apos;en-tête trouvée.</translation>
    </message>
    <message>
        <location filename="../../processing/spreadsheets.py" line="57"/>
        <source>{path}: no sheet &apos;{sheet}&apos;. Sheets found: {sheets}.</source>
        <translation>{path} : pas de feuille « {sheet} ». Feuilles présentes : {sheets}.</translation>
    </message>
    <message>
        <location filename="../../processing/spreadsheets.py" line="39"/>
        <source>{path}: not a spreadsheet OGR can read (damaged or truncated file?).</source>
        <translation>{path} : ce n&apos;est pas un classeur qu&apos;OGR sait lire (fichier endommagé ou tronqué ?).</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="73"/>
        <source>{path}: not a valid JSON file ({error}).</source>
        <translation>{path} : ce n&apos;est pas un fichier JSON valide ({error}).</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="71"/>
        <source>{path}: profile file not found.</source>
        <translation>{path} : fichier de profil introuvable.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="96"/>
        <source>{path}: the disk is full (no space left). Free some space or choose a folder on another disk, then run again.</source>
        <translation>{path} : le disque est plein (plus d&apos;espace libre). Libérez de la place ou choisissez un dossier sur un autre disque, puis relancez.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="103"/>
        <source>{path}: the file grew larger than this disk or this session allows (file too large).</source>
        <translation>{path} : le fichier dépasse la taille que permet ce disque ou cette session (fichier trop volumineux).</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="91"/>
        <source>{path}: the file has a header but no data rows.</source>
        <translation>{path} : le fichier a un en-tête mais aucune ligne de données.</translation>
    </message>
    <message>
        <location filename="../../processing/spreadsheets.py" line="53"/>
        <source>{path}: the file holds no sheet.</source>
        <translation>{path} : le fichier ne contient aucune feuille.</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="49"/>
        <location filename="../../core/tables.py" line="123"/>
        <source>{path}: the file is empty.</source>
        <translation>{path} : le fichier est vide.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="99"/>
        <source>{path}: the file is in use (locked) by another program or layer. Close it (remove the layer from the project, close the spreadsheet) or choose another name, then run again.</source>
        <translation>{path} : le fichier est utilisé (verrouillé) par un autre programme ou une autre couche. Fermez-le (retirez la couche du projet, fermez le tableur) ou choisissez un autre nom, puis relancez.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="101"/>
        <source>{path}: the folder does not exist and could not be created.</source>
        <translation>{path} : le dossier n&apos;existe pas et n&apos;a pas pu être créé.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="98"/>
        <source>{path}: the folder is read-only (permission denied). Choose a folder you can write to.</source>
        <translation>{path} : le dossier est en lecture seule (permission refusée). Choisissez un dossier où vous pouvez écrire.</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="333"/>
        <source>{path}: the layer has a field named fid that does not hold whole numbers, and a GeoPackage keeps its feature ids in a column fid. Rename that field (or remove it), or choose another output format.</source>
        <translation>{path} : la couche a un champ nommé fid qui ne contient pas des nombres entiers, et un GeoPackage range les identifiants de ses entités dans une colonne fid. Renommez ce champ (ou supprimez-le), ou choisissez un autre format de sortie.</translation>
    </message>
    <message>
        <location filename="../../core/reference.py" line="56"/>
        <source>{path}: the national reference cannot be read ({error}).</source>
        <translation>{path} : la référence nationale ne peut être lue ({error}).</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="403"/>
        <source>{path}: the output layer is named after the file, and a GeoPackage layer name cannot start with “{character}”. Start the file name with a letter or a digit.</source>
        <translation>{path} : la couche de sortie prend le nom du fichier, et un nom de couche GeoPackage ne peut pas commencer par « {character} ». Commencez le nom du fichier par une lettre ou un chiffre.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="75"/>
        <source>{path}: the profile is nested too deeply to be read (formulas hold at most {depth} levels).</source>
        <translation>{path} : le profil est imbriqué trop profondément pour être lu (les formules ont au plus {depth} niveaux).</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="120"/>
        <source>{path}: the zip cannot be read ({error}). Unpack it and give the CSV file.</source>
        <translation>{path} : le zip ne peut être lu ({error}). Décompressez-le et indiquez le fichier CSV.</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="108"/>
        <source>{path}: the zip holds no CSV file (it holds: {names}).</source>
        <translation>{path} : le zip ne contient aucun fichier CSV (il contient : {names}).</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="56"/>
        <source>{path}: this looks like a binary file, not a text table (save it as CSV, or load it in QGIS and pass the layer).</source>
        <translation>{path} : ce fichier semble binaire et non une table texte (enregistrez-le en CSV, ou chargez-le dans QGIS et indiquez la couche).</translation>
    </message>
    <message>
        <location filename="../../processing/failures.py" line="408"/>
        <source>{path}: this output would have {count} fields, and a GeoPackage table holds at most {limit} (SQLite&apos;s limit). Join fewer columns (parameter &apos;Columns to join&apos;) or write to another format (e.g. a temporary layer).</source>
        <translation>{path} : cette sortie aurait {count} champs, et une table GeoPackage en contient au plus {limit} (limite de SQLite). Joignez moins de colonnes (paramètre « Colonnes à joindre ») ou écrivez dans un autre format (par exemple une couche temporaire).</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="234"/>
        <source>{placed} equipments placed from {columns}; {other} in another CRS reprojected to EPSG:2154 ({crs}); {missing} rows without usable coordinates (in the report)</source>
        <translation>{placed} équipements placés d&apos;après {columns} ; {other} dans un autre SCR reprojetés en EPSG:2154 ({crs}) ; {missing} lignes sans coordonnées utilisables (dans le rapport)</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="190"/>
        <source>{places} places</source>
        <translation>{places} places</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="116"/>
        <source>{prefixes} prefixes given for {tables} tables: give at most one per table.</source>
        <translation>{prefixes} préfixes donnés pour {tables} tables : donnez-en au plus un par table.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="117"/>
        <source>{source}: &apos;aggregation&apos; must be one of {expected}, not {value}.</source>
        <translation>{source} : « aggregation » doit valoir {expected}, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="129"/>
        <source>{source}: &apos;functions&apos; must be an object with {expected}.</source>
        <translation>{source} : « functions » doit être un objet avec {expected}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="111"/>
        <source>{source}: &apos;missing&apos; must be one of {expected}.</source>
        <translation>{source} : « missing » doit valoir {expected}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="114"/>
        <source>{source}: &apos;normalisation&apos; must be one of {expected}, not {value}.</source>
        <translation>{source} : « normalisation » doit valoir {expected}, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="121"/>
        <source>{source}: &apos;reference&apos; is a commune code written as text, e.g. &quot;62498&quot;.</source>
        <translation>{source} : « reference » est un code commune écrit comme texte, par ex. &quot;62498&quot;.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="95"/>
        <source>{source}: a profile is a JSON object.</source>
        <translation>{source} : un profil est un objet JSON.</translation>
    </message>
    <message>
        <location filename="../../core/mergers.py" line="34"/>
        <source>{source}: a table de passage needs two columns of commune codes (old code, new code). Columns found: {columns}.</source>
        <translation>{source} : une table de passage doit avoir deux colonnes de codes communes (ancien code, nouveau code). Colonnes trouvées : {columns}.</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="127"/>
        <source>{source}: no &apos;{key}&apos; found. Columns found: {columns}.</source>
        <translation>{source} : aucune colonne « {key} » trouvée. Colonnes trouvées : {columns}.</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="276"/>
        <source>{source}: no DEPCOM or DCIRIS column. Columns found: {columns}.</source>
        <translation>{source} : aucune colonne DEPCOM ou DCIRIS. Colonnes trouvées : {columns}.</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="279"/>
        <source>{source}: no TYPEQU column: is it a BPE file in INSEE&apos;s long layout (DEPCOM, TYPEQU, NB_EQUIP)? Columns found: {columns}.</source>
        <translation>{source} : aucune colonne TYPEQU : est-ce bien un fichier BPE au format long de l&apos;INSEE (DEPCOM, TYPEQU, NB_EQUIP) ? Colonnes trouvées : {columns}.</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="129"/>
        <source>{source}: no commune code column (CODGEO, DEPCOM, INSEE_COM, …) found. Columns found: {columns}.</source>
        <translation>{source} : aucune colonne de code commune (CODGEO, DEPCOM, INSEE_COM…) trouvée. Colonnes trouvées : {columns}.</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="355"/>
        <source>{source}: no row can be joined, because these are IRIS codes (9 characters, e.g. {example}), not commune codes (5 characters): join_tables joins tables per commune, onto a layer of communes. Sum the IRIS rows per commune first (aggregate_bpe does it for a BPE file by DCIRIS) and use a commune layer. Codes in the table look like: {table_codes}; codes in the layer look like: {layer_codes}.</source>
        <translation>{source} : aucune ligne ne peut être jointe, car ce sont des codes IRIS (9 caractères, par exemple {example}), pas des codes de commune (5 caractères) : join_tables joint des tables par commune, sur une couche de communes. Sommez d&apos;abord les lignes IRIS par commune (aggregate_bpe le fait pour un fichier BPE par DCIRIS) et utilisez une couche de communes. Les codes de la table ressemblent à : {table_codes} ; ceux de la couche à : {layer_codes}.</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="315"/>
        <source>{source}: no row of year {year}. Years in the file: {years}.</source>
        <translation>{source} : aucune ligne de l&apos;année {year}. Années du fichier : {years}.</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="364"/>
        <source>{source}: none of its commune codes matches the layer. Codes in the table look like: {table_codes}; codes in the layer look like: {layer_codes}. Check the code field of the layer and the key column of the table.</source>
        <translation>{source} : aucun de ses codes communes ne correspond à la couche. Les codes de la table ressemblent à : {table_codes} ; ceux de la couche à : {layer_codes}. Vérifiez le champ de code de la couche et la colonne clé de la table.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="125"/>
        <source>{source}: normalisation &apos;reference&apos; needs &apos;reference&apos;, the code of the reference commune (e.g. &quot;62498&quot;).</source>
        <translation>{source} : la normalisation « reference » demande « reference », le code de la commune de référence (par ex. &quot;62498&quot;).</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="285"/>
        <source>{source}: the file has no coordinates (looked for the columns {looked}), so its equipments cannot be written as points. Columns found: {columns}. Give INSEE&apos;s geolocated BPE file (one row per equipment, e.g. BPE24.csv or bpe21_ensemble_xy.csv), or leave the points output empty to count the equipments per commune only.</source>
        <translation>{source} : le fichier n&apos;a pas de coordonnées (colonnes cherchées : {looked}), ses équipements ne peuvent donc pas être écrits en points. Colonnes trouvées : {columns}. Indiquez le fichier géolocalisé de la BPE de l&apos;INSEE (une ligne par équipement, par exemple BPE24.csv ou bpe21_ensemble_xy.csv), ou laissez vide la sortie en points pour ne compter que les équipements par commune.</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="322"/>
        <source>{source}: the header (line {line}) has no data rows below it.</source>
        <translation>{source} : l&apos;en-tête (ligne {line}) n&apos;est suivi d&apos;aucune ligne de données.</translation>
    </message>
    <message>
        <location filename="../../core/tables.py" line="311"/>
        <source>{source}: the sheet is empty.</source>
        <translation>{source} : la feuille est vide.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="133"/>
        <source>{source}: unknown function &apos;{name}&apos;; expected {expected}.</source>
        <translation>{source} : fonction inconnue « {name} » ; fonctions attendues : {expected}.</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="75"/>
        <source>{source}: {rows} rows read, {matched} matched, {summed}{unmatched} unmatched, {duplicates} duplicates, {invalid} invalid codes, {recoded} re-coded, {secret} secret or empty cells, {columns} columns added{merged}</source>
        <translation>{source} : {rows} lignes lues, {matched} jointes, {summed}{unmatched} sans correspondance, {duplicates} doublons, {invalid} codes invalides, {recoded} recodés, {secret} cellules secrètes ou vides, {columns} colonnes ajoutées{merged}</translation>
    </message>
    <message>
        <location filename="../../core/bpe.py" line="211"/>
        <source>{source}: {rows} rows read, {used} used, {invalid} invalid codes, {invalid_types} invalid equipment types, {not_numeric} not numeric, {other_year} of another year, {summed} arrondissement rows summed onto their commune; {equipment} equipments in {communes} communes</source>
        <translation>{source} : {rows} lignes lues, {used} utilisées, {invalid} codes invalides, {invalid_types} types d&apos;équipements invalides, {not_numeric} non numériques, {other_year} d&apos;une autre année, {summed} lignes d&apos;arrondissements additionnées sur leur commune ; {equipment} équipements dans {communes} communes</translation>
    </message>
    <message>
        <location filename="../../core/join.py" line="72"/>
        <source>{summed} summed onto today&apos;s commune, </source>
        <translation>{summed} additionnées sur la commune actuelle, </translation>
    </message>
    <message>
        <location filename="../../ui/weights.py" line="105"/>
        <source>{weight:g} ({share:.0f} %)</source>
        <translation>{weight:g} ({share:.0f} %)</translation>
    </message>
    <message>
        <location filename="../../ui/change_table.py" line="46"/>
        <source>{what} %/year</source>
        <translation>{what} en %/an</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="404"/>
        <source>{what} cannot be found: no column of INSEE&apos;s comparateur carries it (such as {examples}). Join the comparateur first, or name the columns in the profile.</source>
        <translation>{what} : introuvable, aucune colonne du comparateur de l&apos;INSEE ne la porte (comme {examples}). Joignez d&apos;abord le comparateur, ou nommez les colonnes dans le profil.</translation>
    </message>
    <message>
        <location filename="../../core/editions.py" line="391"/>
        <source>{what} cannot be told: the layer has columns of several years ({seen}), as when two editions of the comparateur are joined side by side. Join one edition only, or name the columns in the profile.</source>
        <translation>{what} : indéterminable, la couche a des colonnes de plusieurs années ({seen}), comme lorsque deux éditions du comparateur sont jointes côte à côte. Joignez une seule édition, ou nommez les colonnes dans le profil.</translation>
    </message>
    <message>
        <location filename="../../core/agreement.py" line="110"/>
        <source>{what}: levels are codes 1 (majeure) to 5 (hors centralité); found {examples}.</source>
        <translation>{what} : les niveaux sont des codes de 1 (majeure) à 5 (hors centralité) ; trouvé {examples}.</translation>
    </message>
    <message>
        <location filename="../../core/agreement.py" line="116"/>
        <source>{what}: not a level code: {examples}.</source>
        <translation>{what} : pas un code de niveau : {examples}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="138"/>
        <source>{where} is missing: a profile defines the four functions.</source>
        <translation>{where} manque : un profil définit les quatre fonctions.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="237"/>
        <source>{where}.area: the name of a column of areas in km², e.g. &quot;SUPERF&quot;.</source>
        <translation>{where}.area : le nom d&apos;une colonne de superficies en km², par exemple &quot;SUPERF&quot;.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="170"/>
        <source>{where}.direction: &apos;+&apos; or &apos;-&apos;, not {value}.</source>
        <translation>{where}.direction : « + » ou « - », pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="149"/>
        <source>{where}.indicators: give at least one indicator.</source>
        <translation>{where}.indicators : donnez au moins un indicateur.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="243"/>
        <source>{where}.min_base: the smallest base (denominator, or a growth&apos;s starting value) a rate is computed on, a positive number such as 50.</source>
        <translation>{where}.min_base : la plus petite base (dénominateur, ou valeur de départ d&apos;une croissance) sur laquelle un taux est calculé, un nombre positif tel que 50.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="184"/>
        <source>{where}.missing: one of {expected}, not {value}.</source>
        <translation>{where}.missing : l&apos;une des valeurs {expected}, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="189"/>
        <source>{where}.optional: true or false, not {value}.</source>
        <translation>{where}.optional : true ou false, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="180"/>
        <source>{where}.percentile: a number between 50 and 100 (exclusive), e.g. 95, not {value}.</source>
        <translation>{where}.percentile : un nombre entre 50 et 100 (exclus), par ex. 95, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="177"/>
        <source>{where}.percentile: only with &quot;transform&quot;: &quot;winsorise&quot;.</source>
        <translation>{where}.percentile : seulement avec &quot;transform&quot;: &quot;winsorise&quot;.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="241"/>
        <source>{where}.scale: a positive number.</source>
        <translation>{where}.scale : un nombre positif.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="173"/>
        <source>{where}.transform: one of {expected}, not {value}.</source>
        <translation>{where}.transform : l&apos;une des valeurs {expected}, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="264"/>
        <source>{where}.years: two increasing years, e.g. [2013, 2018], or the placeholders of the operands&apos; years, e.g. [&quot;{{previous}}&quot;, &quot;{{census}}&quot;].</source>
        <translation>{where}.years : deux années croissantes, par exemple [2013, 2018], ou les repères des années des opérandes, par exemple [&quot;{{previous}}&quot;, &quot;{{census}}&quot;].</translation>
    </message>
    <message>
        <source>{where}.years: two increasing years, e.g. [2013, 2018].</source>
        <translation type="vanished">{where}.years : deux années croissantes, par ex. [2013, 2018].</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="301"/>
        <source>{where}: &apos;availability&apos; must be an object such as {example}.</source>
        <translation>{where} : « availability » doit être un objet tel que {example}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="290"/>
        <source>{where}: &apos;goalposts&apos; is two increasing shares of communes among {allowed}, e.g. [0.01, 0.99] (France&apos;s 1st and 99th percentiles); not {value}.</source>
        <translation>{where} : « goalposts » est deux parts de communes croissantes parmi {allowed}, par exemple [0.01, 0.99] (les 1er et 99e centiles de la France) ; pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="317"/>
        <source>{where}: &apos;levels&apos; must be an object.</source>
        <translation>{where} : « levels » doit être un objet.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="167"/>
        <source>{where}: &apos;{key}&apos; is required.</source>
        <translation>{where} : « {key} » est obligatoire.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="250"/>
        <source>{where}: a column name cannot be empty.</source>
        <translation>{where} : un nom de colonne ne peut être vide.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="217"/>
        <source>{where}: a column name or an object such as {example}.</source>
        <translation>{where} : un nom de colonne ou un objet comme {example}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="478"/>
        <source>{where}: a weight is a positive number, not {value}.</source>
        <translation>{where} : un poids est un nombre positif, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="307"/>
        <source>{where}: availability.function: the share of a function&apos;s indicators that must have a value, between 0 and 1, e.g. 0.5; not {value}.</source>
        <translation>{where} : availability.function : la part des indicateurs d&apos;une fonction qui doivent avoir une valeur, entre 0 et 1, par exemple 0.5 ; pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="310"/>
        <source>{where}: availability.functions: how many of the four functions a commune needs, 1 to 4, e.g. 3; not {value}.</source>
        <translation>{where} : availability.functions : le nombre de fonctions sur quatre qu&apos;il faut à une commune, de 1 à 4, par exemple 3 ; pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="221"/>
        <source>{where}: exactly one of {expected} expected, got {found}.</source>
        <translation>{where} : exactement une clé parmi {expected} attendue, reçu : {found}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="214"/>
        <source>{where}: formulas nested more than {depth} levels deep.</source>
        <translation>{where} : formules imbriquées sur plus de {depth} niveaux.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="153"/>
        <source>{where}: indicator ids must be unique.</source>
        <translation>{where} : les identifiants (id) des indicateurs doivent être uniques.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="321"/>
        <source>{where}: levels.method: one of {expected}, not {value}.</source>
        <translation>{where} : levels.method : l&apos;une des valeurs {expected}, pas {value}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="333"/>
        <source>{where}: levels.shares: four increasing cumulative shares of communes from the top, between 0 and 1, e.g. [0.004, 0.025, 0.11, 0.31].</source>
        <translation>{where} : levels.shares : quatre parts cumulées croissantes de communes en partant du haut, entre 0 et 1, par ex. [0.004, 0.025, 0.11, 0.31].</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="327"/>
        <source>{where}: levels.thresholds: four decreasing scores, e.g. [88, 72, 52, 35].</source>
        <translation>{where} : levels.thresholds : quatre scores décroissants, par ex. [88, 72, 52, 35].</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="145"/>
        <location filename="../../core/profile.py" line="163"/>
        <source>{where}: must be an object.</source>
        <translation>{where} : doit être un objet.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="494"/>
        <source>{where}: unknown key(s) {unknown}; allowed: {allowed}.</source>
        <translation>{where} : clé(s) inconnue(s) {unknown} ; clés permises : {allowed}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="253"/>
        <source>{where}: unknown placeholder {{{placeholder}}} in {name}; the years a column name can follow are {expected}.</source>
        <translation>{where} : repère inconnu {{{placeholder}}} dans {name} ; les années qu&apos;un nom de colonne peut suivre sont {expected}.</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="269"/>
        <source>{where}: without &quot;years&quot;, each operand of a growth names its columns with one placeholder (e.g. P{{previous}}_POP and P{{census}}_POP), which gives the period. {example}</source>
        <translation>{where} : sans &quot;years&quot;, chaque opérande d&apos;une croissance nomme ses colonnes avec un repère (par exemple P{{previous}}_POP et P{{census}}_POP), qui donne la période. {example}</translation>
    </message>
    <message>
        <location filename="../../core/profile.py" line="229"/>
        <source>{where}: {arity} operand(s) expected, got {count}.</source>
        <translation>{where} : {arity} opérande(s) attendu(s), {count} trouvé(s).</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="324"/>
        <source>| territory median</source>
        <translation>| médiane du territoire</translation>
    </message>
    <message>
        <location filename="../../processing/chart_picture.py" line="323"/>
        <source>| territory median   ◇ mean of the level {level}</source>
        <translation>| médiane du territoire   ◇ moyenne du niveau {level}</translation>
    </message>
    <message>
        <location filename="../../ui/trajectory_tab.py" line="177"/>
        <source>— within the uncertainty of its rank: drawn as stable.</source>
        <translation>— dans l&apos;incertitude de son rang : dessinée comme stable.</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="430"/>
        <source>“{name}” does not reproduce the layer&apos;s scores exactly (another profile or method made them): the sliders re-score with it (normalisation {normalisation}, aggregation {aggregation}, levels by {levels}).</source>
        <translation>« {name} » ne reproduit pas exactement les scores de la couche (un autre profil ou une autre méthode les a produits) : les curseurs recalculent avec lui (normalisation {normalisation}, agrégation {aggregation}, niveaux par {levels}).</translation>
    </message>
    <message>
        <location filename="../../ui/dock.py" line="427"/>
        <source>“{name}” reproduces the layer&apos;s scores (normalisation {normalisation}, aggregation {aggregation}, levels by {levels}).</source>
        <translation>« {name} » reproduit les scores de la couche (normalisation {normalisation}, agrégation {aggregation}, niveaux par {levels}).</translation>
    </message>
</context>
</TS>
