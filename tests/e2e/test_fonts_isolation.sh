#!/bin/sh
# The host's fonts never change the output: a paper rendered with a clean
# environment and rendered twice more with a host that offers an extra font
# everywhere fontconfig looks (HOME/.fonts, XDG_DATA_HOME/fonts and a
# FONTCONFIG_FILE that puts that font before every family) gives the same
# bytes, and the extra font appears nowhere in the PDF.
set -u
. tests/e2e/lib.sh
sample=samples/best-value-2024.xml
export SOURCE_DATE_EPOCH=1700000000

# ---- a host with an extra font: DejaVu Serif under a family of its own ----
host="$work/host"
mkdir -p "$host/home/.fonts" "$host/data/fonts" "$host/cache" "$host/config"
extra=/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf
cp "$extra" "$host/home/.fonts/HostOnlySerif.ttf"
cp "$extra" "$host/data/fonts/HostOnlySerif.ttf"
cat > "$host/config/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$host/home/.fonts</dir>
  <dir prefix="xdg">fonts</dir>
  <cachedir>$host/cache</cachedir>
  <!-- A family no program asks for by name, so only leaking in could show it. -->
  <match target="scan">
    <test name="file" compare="contains"><string>HostOnly</string></test>
    <edit name="family" mode="assign" binding="same"><string>Host Only Serif</string></edit>
  </match>
  <!-- Put it first for every family, including the ones our layouts name. -->
  <match target="pattern">
    <edit name="family" mode="prepend" binding="strong"><string>Host Only Serif</string></edit>
  </match>
</fontconfig>
EOF
with_host() {
	env HOME="$host/home" XDG_DATA_HOME="$host/data" \
		XDG_CACHE_HOME="$host/cache" XDG_CONFIG_HOME="$host/config" \
		FONTCONFIG_FILE="$host/config/fonts.conf" \
		FONTCONFIG_PATH="$host/config" "$@"
}

# The control: that host really would change the fonts of a program that
# reads the host's configuration, so a pass below means something.
if command -v fc-match >/dev/null 2>&1; then
	with_host fc-match "Liberation Sans" > "$work/fc-match" 2>&1
	check "the host resolves Liberation Sans to its extra font" \
		grep -q "Host Only Serif" "$work/fc-match"
fi

# ---- renders ----
clean_home="$work/clean"
mkdir -p "$clean_home"
env -u FONTCONFIG_FILE -u FONTCONFIG_PATH HOME="$clean_home" \
	XDG_CACHE_HOME="$clean_home/cache" XDG_DATA_HOME="$clean_home/data" \
	"$BIN" render "$sample" -o "$work/clean.pdf" 2> "$work/clean.err"
check "render with a clean environment exits 0" test $? -eq 0
with_host "$BIN" render "$sample" -o "$work/host-1.pdf" 2> "$work/host-1.err"
check "render with the extra font exits 0" test $? -eq 0
with_host "$BIN" render "$sample" -o "$work/host-2.pdf" 2> "$work/host-2.err"
check "render again with the extra font exits 0" test $? -eq 0
check "nothing said about fonts with the extra font" \
	sh -c "! grep -qi font '$work/host-1.err'"

check "the extra font changes no byte" cmp "$work/clean.pdf" "$work/host-1.pdf"
check "the same bytes twice with the extra font" \
	cmp "$work/host-1.pdf" "$work/host-2.pdf"
pdffonts "$work/host-1.pdf" > "$work/fonts" 2>&1
check "the PDF lists its fonts" grep -q "Liberation" "$work/fonts"
check "the extra font is not in the PDF" \
	sh -c "! grep -qi -e 'HostOnly' -e 'DejaVuSerif' '$work/fonts'"

finish
