#!/usr/bin/python3
# make-content.py: writes tests/stress/content/, the stress edition of
# issues 12 and 16 (one concern per chapter).  Deterministic: run it
# again after changing it and commit the result.
import os, random

random.seed(12)
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "content")
ed = os.path.join(root, "stress")
os.makedirs(ed, exist_ok=True)

def w(path, text):
    with open(os.path.join(root, path), "w", encoding="utf-8") as f:
        f.write(text)

codes = ["kolom,code,label,volgorde",
         "signaal,email,Per e-mail,1",
         "signaal,telefoon,Per telefoon,2",
         "themas,tarief,Tarief,1",
         "themas,zorg,Zorgcontinuïteit,2",
         "themas,vertrouwen,Vertrouwen,3",
         "themas,tariefggz,Afspraken over tarieven en indexering bij jeugd-ggz,4",
         "themas,tariefverblijf,Afspraken over tarieven en indexering bij verblijf,5",
         "themas,tariefdyslexie,Afspraken over tarieven en indexering bij dyslexie,6"]
gem = ["gemeente%02d" % i for i in range(40)]
for i, g in enumerate(gem):
    codes.append("gemeente,%s,Gemeente %s aan de %s,%d" % (
        g, ["Noord", "Zuid", "Oost", "West"][i % 4],
        ["Maas", "Rijn", "Waal", "IJssel", "Vecht"][i % 5], i + 1))
w("codes.csv", "\n".join(codes) + "\n")

rows = ["id,regio,signaal,themas,hoofdthema,start,eind,gesprekken,uitkomst"]
th = ["tarief", "zorg", "vertrouwen", "tariefggz", "tariefverblijf",
      "tariefdyslexie"]
for i in range(60):
    y = 2019 + i % 2
    rows.append("T%d,%s,%s,%s,,%d-%02d-01,%d-12-15,%d,%s" % (
        i + 1, ["Twente", "Rijnmond"][i % 2], ["email", "telefoon"][i % 3 % 2],
        th[i % 6], y, 1 + i % 11, y, 1 + i % 5,
        ["geslaagd", "deels", "niet-geslaagd"][i % 3]))
w("stress/trajecten.csv", "\n".join(rows) + "\n")
w("stress/gemeenten.csv", "gemeente\n" + "".join(
    gem[(i * 7) % 40] + "\n" for i in range(200)) + "".join(
    g + "\n" for g in gem))

w("stress/index.md", """---
title: "Stresseditie: alles wat een auteur schrijft"
subtitle: Lange tabellen, veel figuren, lange kaders en voetnoten
organisation: Ondersteuningsteam Zorg voor de Jeugd
date: 2022-03-01
footer: "Stresseditie | maart 2022"
tables:
  gemeenten: gemeenten.csv
---

Deze editie bevat {{ aantal }} trajecten en dient alleen om de zetting te
beproeven: elke regel hieronder moet op een pagina terechtkomen.
""")

words = ("gemeente aanbieder contract tarief gesprek bemiddeling afspraak "
         "jeugdhulp zorgaanbieder regio wachtlijst inkoop overleg verslag "
         "indexering continuïteit vertrouwen samenwerking onderaannemer "
         "procedure verantwoording bekostiging").split()

def sentence(n):
    s = " ".join(random.choice(words) for _ in range(n))
    return s[0].upper() + s[1:] + "."

# 1: a 340-row table
t = ["# Een tabel per gemeente", "",
     "In dit hoofdstuk staat een tabel van 340 rijen, een per gemeente.", "",
     "| Gemeente | Trajecten | Opmerking |", "|---|---:|---|"]
for i in range(340):
    t.append("| Gemeente%03d | %d | %s |" % (i + 1, (i * 37) % 97,
             sentence(3 + i % 7)))
t += ["", "Na de tabel gaat de tekst gewoon verder. " + sentence(30), ""]
w("stress/01-lange-tabel.md", "\n".join(t))

# 2: five figures in a row, between text
f = ["# Vijf figuren achter elkaar", "", sentence(60), ""]
for k, (ty, d) in enumerate([("hbar", "themas"), ("bar", "signaal"),
                              ("donut", "uitkomst"), ("hbar", "uitkomst"),
                              ("bar", "themas")]):
    f += ["```chart", "type: " + ty, "data: " + d,
          "title: Figuur nummer %d van de reeks" % (k + 1), "```", ""]
f += [sentence(80), "", sentence(70), ""]
w("stress/02-figuren.md", "\n".join(f))

# 3: a callout longer than a page
c = ["# Een lang kader", "", sentence(40), "", "> [!kader] Een kader van meer dan een pagina"]
for k in range(14):
    c += [">", "> " + sentence(45 + k)]
c += ["", sentence(30), ""]
w("stress/03-kader.md", "\n".join(c))

# 4: a chapter of one long list, numbers past 100
l = ["# Een lange lijst", ""]
for k in range(95, 215):
    l.append("%d. %s" % (k, sentence(4 + k % 9)))
l.append("")
w("stress/04-lijst.md", "\n".join(l))

# 5: a 9-column table of long words, with a long compound and addresses
hd = ["Specialistische", "Inspanningsgericht", "Resultaatgericht",
      "Verblijfsvoorziening", "Jeugdbescherming", "Ambulantebegeleiding",
      "Dagbehandeling", "Pleegzorgvoorziening", "Gezinshuisplaatsing"]
b = ["# Een brede tabel", "", "| " + " | ".join(hd) + " |",
     "|" + "---|" * 9]
for r in range(8):
    cells = [hd[(r + j) % 9].lower() for j in range(9)]
    if r == 2:
        cells[3] = "kindercarnavalsoptochtvoorbereidingswerkzaamhedenplan"
    if r == 4:
        cells[5] = "secretariaat.jeugdhulp@gemeente-voorbeeldstad.nl"
    b.append("| " + " | ".join(cells) + " |")
b += ["", "Schrijf naar secretariaat.jeugdhulp@gemeente-voorbeeldstad.nl of "
      "kijk op https://www.voorbeeldstad.nl/jeugdhulp/bemiddeling/aanvragen "
      "voor meer informatie over de kindercarnavalsoptochtvoorbereidingswerkzaamheden.", ""]
w("stress/05-brede-tabel.md", "\n".join(b))

# 6: a cell of 916 words
cell = " ".join("woord%d" % k for k in range(916))
w("stress/06-lange-cel.md", "# Een lange cel\n\n| Onderwerp | Toelichting |\n"
  "|---|---|\n| Kort | Kort |\n| Lang | " + cell + " |\n| Slot | Einde |\n\n"
  "Tekst na de tabel.\n")

# 7: a bar chart of 40 codes, and charts with labels alike at the start
w("stress/07-veel-codes.md", """# Veertig codes

```chart
type: hbar
data: gemeenten.gemeente
title: Vragen per gemeente
```

```chart
type: stacked
data: themas
by: jaar
title: Thema's per jaar, met labels die pas aan het eind verschillen
```

```chart
type: line
data: themas
by: jaar
title: Thema's per jaar als lijnen
```

```table
data: gemeenten.gemeente
columns: [aantal, pct]
title: Vragen per gemeente
```
""")

# 8: footnotes holding a table, a list and code; long headings
w("stress/08-voetnoten.md", """# Voetnoten met blokken

## De jaarlijkse afstemmingsbijeenkomstenvoorbereidingsgroepsvergaderingsnotulen

Tekst onder de kop.

## Kindercarnavalsoptochtvoorbereidingswerkzaamhedenplannenvergaderingsnotulen en meer

Een zin met een voetnoot die een tabel bevat.[^tabel] Een tweede zin met
een voetnoot die een lijst bevat.[^lijst] En een derde met code.[^code]

[^tabel]: Een tabel in een voetnoot:

    | Thema | Aantal |
    |---|---:|
    | Tarief | 12 |
    | Contract | 8 |

[^lijst]: Een lijst in een voetnoot:

    1. eerste punt van de lijst
    2. tweede punt van de lijst
    3. derde punt van de lijst

[^code]: Code in een voetnoot:

    ```
    nummer = aantal + 1
    ```
""")
