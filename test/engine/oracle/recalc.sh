#!/bin/sh
# Rebuilds finance.fods from cases.ts and recalculates it with LibreOffice into finance.csv.
# A private profile forces recalculation on load, so no stored value can leak into the CSV.
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../.."
npx tsx test/engine/oracle/build-sheet.ts
profile="$(mktemp -d)"
out="$(mktemp -d)"
mkdir -p "$profile/user"
cat > "$profile/user/registrymodifications.xcu" <<'XCU'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
XCU
soffice -env:UserInstallation="file://$profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false' \
  --outdir "$out" "$here/finance.fods"
cp "$out/finance.csv" "$here/finance.csv"
rm -rf "$profile" "$out"
