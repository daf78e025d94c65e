#!/bin/sh
# Put an edition's .app (made by `health-guide build` on a Mac) in a disk image to hand out.
#
#   sh packaging/macos/make-dmg.sh "dist/Lupus Guide.app" [dist/lupus-guide-1.2-macos.dmg]
#
# Members open the .dmg and drag the app onto the Applications folder shown next to it. Their
# settings live in ~/Library/Application Support/health-guide/editions/<id>, so dragging a
# newer version over the old one keeps them.
#
# Without an Apple Developer ID the app is signed ad hoc below, and macOS asks members to
# confirm the first start (Control-click the app, Open). With an ID, sign and notarise instead:
#   codesign --force --deep --options runtime --sign "Developer ID Application: ..." "$app"
#   xcrun notarytool submit "$dmg" --keychain-profile ... --wait && xcrun stapler staple "$dmg"
set -eu

app=${1:?usage: make-dmg.sh path/to/Name.app [output.dmg]}
name=$(basename "$app" .app)
version=$(/usr/libexec/PlistBuddy -c "Print :CFBundleShortVersionString" \
  "$app/Contents/Info.plist")
slug=$(basename "$(ls "$app/Contents/MacOS/")")
dmg=${2:-$(dirname "$app")/$slug-$version-macos.dmg}

codesign --force --deep --sign - "$app"
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "$name $version" -srcfolder "$staging" -ov -format UDZO "$dmg"
echo "Made $dmg"
