#!/usr/bin/env python3
"""Generates data/actors/countries.txt: the country and territory names of ISO 3166-1 (from
Debian's iso-codes package, a build-time tool only) merged with the team's own table below of
short names, aliases, adjectives, demonyms and capitals. The output is committed; rerun after
editing the table:  python3 tools/gen_countries.py > data/actors/countries.txt"""
import json
import sys

ISO_JSON = "/usr/share/iso-codes/json/iso_3166-1.json"

# The team's additions, one country per line: CODE then "key=value" parts separated by ";".
# name= the canonical name (else ISO's common or short name); alias=, adj= (adjectives),
# dem= (demonyms: nouns for the people), cap= (cities standing for the government) take
# several values separated by "|"; drop= ISO names not to index (ambiguous or never written).
# Ambiguous words are left out on purpose: "Congo" (COD or COG), "Korea", "Korean",
# "Congolese", "Guinean" for anything but Guinea, "English" (the language).
TEAM = r"""
ABW adj=Aruban; dem=Arubans; cap=Oranjestad
AFG adj=Afghan; dem=Afghans; cap=Kabul; alias=Islamic Emirate of Afghanistan
AGO adj=Angolan; dem=Angolans; cap=Luanda
AIA adj=Anguillan; dem=Anguillans
ALA alias=Aland Islands|Aland; adj=Ålandic; cap=Mariehamn
ALB adj=Albanian; dem=Albanians; cap=Tirana
AND adj=Andorran; dem=Andorrans; cap=Andorra la Vella
ARE alias=UAE|U.A.E.|Emirates; adj=Emirati; dem=Emiratis; cap=Abu Dhabi
ARG adj=Argentine|Argentinian; dem=Argentines|Argentinians; cap=Buenos Aires
ARM adj=Armenian; dem=Armenians; cap=Yerevan
ASM adj=American Samoan; dem=American Samoans; cap=Pago Pago
ATA adj=Antarctic
ATF alias=French Southern and Antarctic Lands
ATG alias=Antigua; adj=Antiguan; dem=Antiguans; cap=St. John's|Saint John's
AUS adj=Australian; dem=Australians; cap=Canberra
AUT adj=Austrian; dem=Austrians; cap=Vienna
AZE adj=Azerbaijani|Azeri; dem=Azerbaijanis|Azeris; cap=Baku
BDI adj=Burundian; dem=Burundians; cap=Gitega
BEL adj=Belgian; dem=Belgians; note=Brussels is left to the European Union (organisations.txt), which it stands for in most reports
BEN adj=Beninese; cap=Porto-Novo
BES name=Caribbean Netherlands; alias=Bonaire|Sint Eustatius|Saba
BFA adj=Burkinabe|Burkinabè; cap=Ouagadougou
BGD adj=Bangladeshi; dem=Bangladeshis; cap=Dhaka
BGR adj=Bulgarian; dem=Bulgarians; cap=Sofia
BHR adj=Bahraini; dem=Bahrainis; cap=Manama
BHS alias=The Bahamas; adj=Bahamian; dem=Bahamians; cap=Nassau
BIH alias=Bosnia|Bosnia-Herzegovina; adj=Bosnian; dem=Bosnians; cap=Sarajevo
BLM alias=St. Barthélemy|St. Barts|Saint Barts; cap=Gustavia
BLR alias=Byelorussia; adj=Belarusian; dem=Belarusians; cap=Minsk
BLZ adj=Belizean; dem=Belizeans; cap=Belmopan
BMU adj=Bermudian; dem=Bermudians
BOL adj=Bolivian; dem=Bolivians; cap=La Paz|Sucre
BRA adj=Brazilian; dem=Brazilians; cap=Brasilia|Brasília
BRB adj=Barbadian|Bajan; dem=Barbadians; cap=Bridgetown
BRN name=Brunei; adj=Bruneian; dem=Bruneians; cap=Bandar Seri Begawan
BTN adj=Bhutanese; cap=Thimphu
BVT
BWA adj=Botswanan|Motswana; cap=Gaborone
CAF alias=CAR; adj=Central African; dem=Central Africans; cap=Bangui
CAN adj=Canadian; dem=Canadians; cap=Ottawa
CCK name=Cocos Islands; alias=Keeling Islands|Cocos (Keeling) Islands
CHE adj=Swiss; cap=Bern|Berne
CHL adj=Chilean; dem=Chileans; cap=Santiago
CHN alias=People's Republic of China|PRC|P.R.C.|mainland China; adj=Chinese; cap=Beijing
CIV alias=Ivory Coast|Cote d'Ivoire; adj=Ivorian; dem=Ivorians; cap=Yamoussoukro|Abidjan
CMR adj=Cameroonian; dem=Cameroonians; cap=Yaoundé|Yaounde
COD name=Democratic Republic of the Congo; alias=DR Congo|DRC|D.R.C.|Congo-Kinshasa|Democratic Republic of Congo; cap=Kinshasa
COG name=Republic of the Congo; alias=Congo-Brazzaville|Republic of Congo; drop=Congo; cap=Brazzaville
COK adj=Cook Islander; cap=Avarua
COL adj=Colombian; dem=Colombians; cap=Bogotá|Bogota
COM adj=Comoran|Comorian; dem=Comorans|Comorians; cap=Moroni
CPV alias=Cape Verde; adj=Cape Verdean|Cabo Verdean; dem=Cape Verdeans; cap=Praia
CRI adj=Costa Rican; dem=Costa Ricans; cap=San José|San Jose
CUB adj=Cuban; dem=Cubans; cap=Havana
CUW alias=Curacao; adj=Curaçaoan; cap=Willemstad
CXR
CYM alias=Caymans; adj=Caymanian; dem=Caymanians; cap=George Town
CYP adj=Cypriot; dem=Cypriots; cap=Nicosia
CZE alias=Czech Republic; adj=Czech; dem=Czechs; cap=Prague
DEU adj=German; dem=Germans; cap=Berlin
DJI adj=Djiboutian; dem=Djiboutians; cap=Djibouti
DMA cap=Roseau; note=the adjective Dominican is left to the Dominican Republic, where news uses it
DNK adj=Danish; dem=Danes; cap=Copenhagen
DOM adj=Dominican; dem=Dominicans; cap=Santo Domingo
DZA adj=Algerian; dem=Algerians; cap=Algiers
ECU adj=Ecuadorian|Ecuadoran; dem=Ecuadorians; cap=Quito
EGY adj=Egyptian; dem=Egyptians; cap=Cairo
ERI adj=Eritrean; dem=Eritreans; cap=Asmara
ESH adj=Sahrawi|Western Saharan; dem=Sahrawis; cap=Laayoune|El Aaiún
ESP adj=Spanish; dem=Spaniards; cap=Madrid
EST adj=Estonian; dem=Estonians; cap=Tallinn
ETH adj=Ethiopian; dem=Ethiopians; cap=Addis Ababa
FIN adj=Finnish; dem=Finns; cap=Helsinki
FJI adj=Fijian; dem=Fijians; cap=Suva
FLK name=Falkland Islands; alias=Falklands|Malvinas|Islas Malvinas; adj=Falkland Islander
FRA adj=French; cap=Paris
FRO alias=Faroes|Faeroe Islands; adj=Faroese; cap=Tórshavn|Torshavn
FSM name=Micronesia; alias=Federated States of Micronesia; adj=Micronesian; dem=Micronesians; cap=Palikir
GAB adj=Gabonese; cap=Libreville
GBR alias=UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland; adj=British|Scottish|Welsh; dem=Britons|Brits; cap=London
GEO adj=Georgian; dem=Georgians; cap=Tbilisi
GGY adj=Guernseyman; cap=St. Peter Port|Saint Peter Port
GHA adj=Ghanaian; dem=Ghanaians; cap=Accra
GIB adj=Gibraltarian; dem=Gibraltarians
GIN alias=Guinea-Conakry; adj=Guinean; dem=Guineans; cap=Conakry
GLP adj=Guadeloupean; cap=Basse-Terre
GMB alias=The Gambia; adj=Gambian; dem=Gambians; cap=Banjul
GNB adj=Bissau-Guinean; dem=Bissau-Guineans; cap=Bissau
GNQ adj=Equatorial Guinean|Equatoguinean; dem=Equatorial Guineans; cap=Malabo
GRC adj=Greek; dem=Greeks; cap=Athens
GRD adj=Grenadian; dem=Grenadians; cap=St. George's|Saint George's
GRL adj=Greenlandic; dem=Greenlanders; cap=Nuuk
GTM adj=Guatemalan; dem=Guatemalans; cap=Guatemala City
GUF adj=French Guianese; cap=Cayenne
GUM adj=Guamanian; dem=Guamanians; cap=Hagåtña|Hagatna
GUY adj=Guyanese; cap=Georgetown
HKG adj=Hong Konger|Hongkonger; dem=Hong Kongers
HMD
HND adj=Honduran; dem=Hondurans; cap=Tegucigalpa
HRV adj=Croatian; dem=Croatians|Croats; cap=Zagreb
HTI adj=Haitian; dem=Haitians; cap=Port-au-Prince
HUN adj=Hungarian; dem=Hungarians; cap=Budapest
IDN adj=Indonesian; dem=Indonesians; cap=Jakarta
IMN adj=Manx
IND adj=Indian; dem=Indians; cap=New Delhi
IOT alias=Chagos Islands|Chagos Archipelago|Diego Garcia
IRL alias=Republic of Ireland; adj=Irish; cap=Dublin
IRN alias=Islamic Republic; adj=Iranian; dem=Iranians; cap=Tehran|Teheran
IRQ adj=Iraqi; dem=Iraqis; cap=Baghdad
ISL adj=Icelandic; dem=Icelanders; cap=Reykjavik|Reykjavík
ISR alias=State of Israel; adj=Israeli; dem=Israelis; cap=Jerusalem
ITA adj=Italian; dem=Italians; cap=Rome
JAM adj=Jamaican; dem=Jamaicans; cap=Kingston
JEY adj=Jersey; cap=St. Helier|Saint Helier
JOR alias=Hashemite Kingdom of Jordan; adj=Jordanian; dem=Jordanians; cap=Amman
JPN adj=Japanese; cap=Tokyo
KAZ adj=Kazakh|Kazakhstani; dem=Kazakhs|Kazakhstanis; cap=Astana
KEN adj=Kenyan; dem=Kenyans; cap=Nairobi
KGZ alias=Kyrgyz Republic; adj=Kyrgyz|Kyrgyzstani; cap=Bishkek
KHM adj=Cambodian; dem=Cambodians; cap=Phnom Penh
KIR adj=I-Kiribati; cap=Tarawa|South Tarawa
KNA alias=St. Kitts and Nevis|St Kitts and Nevis; adj=Kittitian|Nevisian; cap=Basseterre
KOR alias=Republic of Korea|ROK|R.O.K.; adj=South Korean; dem=South Koreans; cap=Seoul
KWT adj=Kuwaiti; dem=Kuwaitis; cap=Kuwait City
LAO alias=Lao PDR; adj=Lao|Laotian; dem=Laotians; cap=Vientiane
LBN adj=Lebanese; cap=Beirut
LBR adj=Liberian; dem=Liberians; cap=Monrovia
LBY adj=Libyan; dem=Libyans; cap=Tripoli
LCA alias=St. Lucia|St Lucia; adj=Saint Lucian|St. Lucian; dem=Saint Lucians; cap=Castries
LIE adj=Liechtensteiner; dem=Liechtensteiners; cap=Vaduz
LKA alias=Ceylon; adj=Sri Lankan; dem=Sri Lankans; cap=Colombo|Sri Jayawardenepura Kotte
LSO adj=Basotho|Mosotho; cap=Maseru
LTU adj=Lithuanian; dem=Lithuanians; cap=Vilnius
LUX adj=Luxembourgish|Luxembourger; dem=Luxembourgers; cap=Luxembourg
LVA adj=Latvian; dem=Latvians; cap=Riga
MAC alias=Macau; adj=Macanese
MAF name=Saint Martin; alias=St. Martin; cap=Marigot
MAR adj=Moroccan; dem=Moroccans; cap=Rabat
MCO adj=Monegasque|Monégasque; dem=Monegasques; cap=Monaco
MDA adj=Moldovan; dem=Moldovans; cap=Chisinau|Chișinău
MDG adj=Malagasy; cap=Antananarivo
MDV adj=Maldivian; dem=Maldivians; cap=Malé
MEX alias=United Mexican States; adj=Mexican; dem=Mexicans; cap=Mexico City
MHL adj=Marshallese; cap=Majuro
MKD alias=Macedonia|Republic of North Macedonia; adj=Macedonian|North Macedonian; dem=Macedonians; cap=Skopje
MLI adj=Malian; dem=Malians; cap=Bamako
MLT adj=Maltese; cap=Valletta
MMR alias=Burma; adj=Myanmar|Burmese; cap=Naypyidaw|Naypyitaw|Nay Pyi Taw
MNE adj=Montenegrin; dem=Montenegrins; cap=Podgorica
MNG adj=Mongolian; dem=Mongolians; cap=Ulaanbaatar|Ulan Bator
MNP alias=Northern Marianas; cap=Saipan
MOZ adj=Mozambican; dem=Mozambicans; cap=Maputo
MRT adj=Mauritanian; dem=Mauritanians; cap=Nouakchott
MSR adj=Montserratian; cap=Brades
MTQ adj=Martinican; cap=Fort-de-France
MUS adj=Mauritian; dem=Mauritians; cap=Port Louis
MWI adj=Malawian; dem=Malawians; cap=Lilongwe
MYS adj=Malaysian; dem=Malaysians; cap=Kuala Lumpur|Putrajaya
MYT adj=Mahoran; cap=Mamoudzou
NAM adj=Namibian; dem=Namibians; cap=Windhoek
NCL adj=New Caledonian; cap=Nouméa|Noumea
NER adj=Nigerien; dem=Nigeriens; cap=Niamey
NFK
NGA adj=Nigerian; dem=Nigerians; cap=Abuja
NIC adj=Nicaraguan; dem=Nicaraguans; cap=Managua
NIU adj=Niuean; cap=Alofi
NLD alias=Holland|The Netherlands; adj=Dutch; cap=Amsterdam|The Hague
NOR adj=Norwegian; dem=Norwegians; cap=Oslo
NPL adj=Nepali|Nepalese; dem=Nepalis; cap=Kathmandu
NRU adj=Nauruan; cap=Yaren
NZL adj=New Zealand; dem=New Zealanders|Kiwis; cap=Wellington
OMN alias=Sultanate of Oman; adj=Omani; dem=Omanis; cap=Muscat
PAK adj=Pakistani; dem=Pakistanis; cap=Islamabad
PAN adj=Panamanian; dem=Panamanians; cap=Panama City
PCN alias=Pitcairn Islands; cap=Adamstown
PER adj=Peruvian; dem=Peruvians; cap=Lima
PHL alias=The Philippines; adj=Philippine|Filipino; dem=Filipinos; cap=Manila
PLW adj=Palauan; cap=Ngerulmud
PNG alias=PNG; adj=Papua New Guinean; dem=Papua New Guineans; cap=Port Moresby
POL adj=Polish; dem=Poles; cap=Warsaw
PRI adj=Puerto Rican; dem=Puerto Ricans; cap=San Juan
PRK alias=DPRK|D.P.R.K.; adj=North Korean; dem=North Koreans; cap=Pyongyang
PRT adj=Portuguese; cap=Lisbon
PRY adj=Paraguayan; dem=Paraguayans; cap=Asunción|Asuncion
PSE name=Palestine; alias=State of Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories|Occupied Palestinian Territories|West Bank|Gaza Strip|Gaza; adj=Palestinian; dem=Palestinians; cap=Ramallah
PYF alias=Tahiti; adj=French Polynesian; cap=Papeete
QAT adj=Qatari; dem=Qataris; cap=Doha
REU alias=Reunion; adj=Réunionese; cap=Saint-Denis
ROU alias=Rumania; adj=Romanian; dem=Romanians; cap=Bucharest
RUS name=Russia; adj=Russian; dem=Russians; cap=Moscow
RWA adj=Rwandan; dem=Rwandans; cap=Kigali
SAU alias=Kingdom of Saudi Arabia|KSA; adj=Saudi|Saudi Arabian; dem=Saudis; cap=Riyadh
SDN adj=Sudanese; cap=Khartoum|Port Sudan
SEN adj=Senegalese; cap=Dakar
SGP adj=Singaporean; dem=Singaporeans; cap=Singapore
SGS alias=South Georgia
SHN name=Saint Helena; alias=St. Helena|Ascension Island|Tristan da Cunha
SJM alias=Svalbard; cap=Longyearbyen
SLB adj=Solomon Islander; dem=Solomon Islanders; cap=Honiara
SLE adj=Sierra Leonean; dem=Sierra Leoneans; cap=Freetown
SLV adj=Salvadoran|Salvadorean; dem=Salvadorans; cap=San Salvador
SMR adj=Sammarinese; cap=San Marino
SOM adj=Somali; dem=Somalis; cap=Mogadishu
SPM alias=St. Pierre and Miquelon; cap=Saint-Pierre
SRB adj=Serbian|Serb; dem=Serbians|Serbs; cap=Belgrade
SSD adj=South Sudanese; cap=Juba
STP alias=São Tomé and Príncipe; adj=Santomean; cap=São Tomé|Sao Tome
SUR adj=Surinamese; cap=Paramaribo
SVK alias=Slovak Republic; adj=Slovak; dem=Slovaks; cap=Bratislava
SVN adj=Slovenian|Slovene; dem=Slovenians|Slovenes; cap=Ljubljana
SWE adj=Swedish; dem=Swedes; cap=Stockholm
SWZ alias=Swaziland; adj=Swazi|Eswatini; dem=Swazis; cap=Mbabane|Lobamba
SXM name=Sint Maarten; cap=Philipsburg
SYC adj=Seychellois
SYR adj=Syrian; dem=Syrians; cap=Damascus
TCA alias=Turks and Caicos; cap=Cockburn Town
TCD adj=Chadian; dem=Chadians; cap=N'Djamena|Ndjamena
TGO adj=Togolese; cap=Lomé|Lome
THA alias=Siam; adj=Thai; dem=Thais; cap=Bangkok
TJK adj=Tajik|Tajikistani; dem=Tajiks; cap=Dushanbe
TKL adj=Tokelauan; cap=Nukunonu
TKM adj=Turkmen; cap=Ashgabat
TLS alias=East Timor; adj=Timorese|East Timorese; cap=Dili
TON adj=Tongan; dem=Tongans; cap=Nuku'alofa
TTO alias=Trinidad; adj=Trinidadian|Tobagonian; dem=Trinidadians; cap=Port of Spain
TUN adj=Tunisian; dem=Tunisians; cap=Tunis
TUR name=Turkey; alias=Türkiye|Turkiye|Republic of Turkey; adj=Turkish; dem=Turks; cap=Ankara
TUV adj=Tuvaluan; cap=Funafuti
TWN alias=Republic of China|ROC; adj=Taiwanese; cap=Taipei
TZA alias=United Republic of Tanzania; adj=Tanzanian; dem=Tanzanians; cap=Dodoma|Dar es Salaam
UGA adj=Ugandan; dem=Ugandans; cap=Kampala
UKR alias=the Ukraine; adj=Ukrainian; dem=Ukrainians; cap=Kyiv|Kiev
UMI alias=U.S. Minor Outlying Islands
URY adj=Uruguayan; dem=Uruguayans; cap=Montevideo
USA alias=United States of America|U.S.|US|U.S.A.|USA|America; adj=American; dem=Americans; cap=Washington|Washington, D.C.
UZB adj=Uzbek|Uzbekistani; dem=Uzbeks; cap=Tashkent
VAT name=Vatican City; alias=Holy See|the Holy See|Vatican|Vatican City State; adj=Vatican; drop=Holy See (Vatican City State)
VCT alias=St. Vincent and the Grenadines|Saint Vincent|St. Vincent; adj=Vincentian; cap=Kingstown
VEN adj=Venezuelan; dem=Venezuelans; cap=Caracas
VGB name=British Virgin Islands; alias=BVI; cap=Road Town
VIR name=U.S. Virgin Islands; alias=US Virgin Islands|United States Virgin Islands|USVI; cap=Charlotte Amalie
VNM alias=Viet Nam; adj=Vietnamese; cap=Hanoi
VUT adj=Vanuatuan|Ni-Vanuatu; cap=Port Vila
WLF cap=Mata-Utu
WSM alias=Independent State of Samoa; adj=Samoan; dem=Samoans; cap=Apia
YEM adj=Yemeni; dem=Yemenis; cap=Sanaa|Sana'a
ZAF adj=South African; dem=South Africans; cap=Pretoria|Cape Town
ZMB adj=Zambian; dem=Zambians; cap=Lusaka
ZWE adj=Zimbabwean; dem=Zimbabweans; cap=Harare
"""

# Not in ISO 3166-1: Kosovo uses the user-assigned code XKX (as the EU and the IMF do).
EXTRA = r"""
XKX name=Kosovo; alias=Republic of Kosovo; adj=Kosovar|Kosovan; dem=Kosovars; cap=Pristina|Prishtina
"""

# Capitals that are also the country's name, or stand for something else, are not indexed
# twice; the loader keeps a name once per entry anyway.


def parse_team(text):
    table = {}
    for line in text.strip().splitlines():
        code, _, rest = line.partition(" ")
        fields = {}
        for part in rest.split(";"):
            part = part.strip()
            if not part:
                continue
            key, _, value = part.partition("=")
            fields[key.strip()] = [v.strip() for v in value.split("|") if v.strip()]
        if code in table:
            sys.exit("gen_countries: %s twice in the table" % code)
        table[code] = fields
    return table


def iso_names(entry):
    """The ISO names usable as written text: no inverted "Congo, The Democratic Republic of the"."""
    out = []
    for key in ("common_name", "name", "official_name"):
        name = entry.get(key)
        if not name:
            continue
        if name.startswith("the "):
            name = name[4:]
        if "," in name or "(" in name:
            continue
        out.append(name)
    return out


def main():
    with open(ISO_JSON, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    team = parse_team(TEAM)
    extra = parse_team(EXTRA)
    missing = [e["alpha_3"] for e in iso if e["alpha_3"] not in team]
    unknown = sorted(set(team) - {e["alpha_3"] for e in iso})
    if missing or unknown:
        sys.exit("gen_countries: table out of step with iso-codes: missing %s, unknown %s" % (missing, unknown))
    rows = [(e["alpha_3"], iso_names(e), team[e["alpha_3"]]) for e in iso]
    rows += [(code, [], fields) for code, fields in extra.items()]
    rows.sort(key=lambda r: r[0])

    out = sys.stdout
    out.write("# Countries and territories, coded with their ISO 3166-1 alpha-3 codes (CAMEO's\n"
              "# country codes). GENERATED by tools/gen_countries.py from Debian's iso-codes names\n"
              "# and the team's table of aliases, adjectives, demonyms and capitals in that script:\n"
              "# edit the script, not this file. Format: docs/formats/dictionaries.md.\n"
              "# A capital stands for the government: \"Tehran said\" -> IRNGOV.\n\n"
              "[countries]\n")
    for code, names, fields in rows:
        drop = set(fields.get("drop", []))
        canonical = (fields.get("name") or [None])[0] or (names[0] if names else None)
        if not canonical:
            sys.exit("gen_countries: no name for %s" % code)
        ordered = [canonical]
        for n in names + fields.get("alias", []):
            if n not in ordered and n not in drop:
                ordered.append(n)
        out.write("\n%s  %s\n" % (code, " | ".join(ordered)))
        for key, label in (("adj", "adjective"), ("dem", "demonym"), ("cap", "capital")):
            values = [v for v in fields.get(key, []) if v not in ordered]
            if values:
                out.write("  %s: %s\n" % (label, " | ".join(values)))
        if "note" in fields:
            out.write("  note: %s\n" % "; ".join(fields["note"]))


if __name__ == "__main__":
    main()
