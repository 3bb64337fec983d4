#!/bin/sh
# Files a source names (layout=, previous-source=) stay in the source's
# folder: absolute paths, ".." out of it and symbolic links out of it are
# refused at the attribute, as are FIFOs, devices and folders, before
# anything is opened; --allow-dir lets a folder in; --layout and --previous
# name any regular file. A FIFO given as the source is refused, never
# waited on; "-" still reads standard input.
. tests/e2e/lib_batch.sh

src="$work/src"
outside="$work/outside"
mkdir -p "$src" "$outside"
sed 's/name="committee-report"/name="house"/' layouts/committee-report.xml > "$outside/house.xml"
cp "$outside/house.xml" "$src/house.xml"
mkfifo "$src/pipe.xml" "$work/pipe.xml"
mkdir "$src/folder.xml"
ln -s "$outside/house.xml" "$src/link.xml"
ln -s "$outside" "$src/linked"
mkdir -p "$src/layouts"
ln -s /etc/passwd "$src/layouts/evil.xml"

tail_outside() {
	echo "; a source may name only files in its own folder (name the file with $1, or allow the folder with --allow-dir DIR)"
}

# run_cmd COMMAND...: status in $status, stderr in $work/err; a command that
# blocks is killed after 10 s (status 124).
run_cmd() {
	timeout 10 "$BIN" "$@" > "$work/out" 2> "$work/err"
	status=$?
}

# expect_error NAME STATUS LINE: the command's only error line is LINE.
expect_error() {
	if [ "$status" -ne "$2" ]; then
		fail "$1: exit status $status, expected $2"
	elif ! grep -qxF -- "$3" "$work/err"; then
		fail "$1: expected: $3"
		sed 's/^/    got: /' "$work/err"
	elif grep -q 'root:.*:0:0:' "$work/err"; then
		fail "$1: the contents of /etc/passwd appear in the output"
	else
		echo "ok: $1"
	fi
}

# succeeded FILE: the command exited 0 and wrote FILE.
succeeded() { [ "$status" -eq 0 ] && [ -s "$1" ]; }
# failed_with TEXT: the command exited 1 and said TEXT.
failed_with() { [ "$status" -eq 1 ] && grep -qF -- "$1" "$work/err"; }

# ---- layout= ----
layout_paper() {
	small_paper "$src/paper.xml" "Paths"
	sed -i "s|layout=\"committee-report\"|layout=\"$1\"|" "$src/paper.xml"
}
render_layout() {
	layout_paper "$1"
	shift
	run_cmd render "$src/paper.xml" -o "$work/paper.pdf" "$@"
}
at="$src/paper.xml:3:8: error:"

render_layout /etc/shadow
expect_error "layout absolute" 1 "$at layout=\"/etc/shadow\" is an absolute path$(tail_outside --layout)"
render_layout /proc/self/environ
expect_error "layout under /proc" 1 "$at layout=\"/proc/self/environ\" is an absolute path$(tail_outside --layout)"
render_layout ../../x
expect_error "layout .. out" 1 "$at layout=\"../../x\" leads out of the source's folder$(tail_outside --layout)"
render_layout ../outside/house.xml
expect_error "layout .. to a file that exists" 1 "$at layout=\"../outside/house.xml\" leads out of the source's folder$(tail_outside --layout)"
render_layout link.xml
expect_error "layout symlink out" 1 "$at layout=\"link.xml\" leads out of the source's folder through a symbolic link$(tail_outside --layout)"
render_layout linked/house.xml
expect_error "layout through a linked folder" 1 "$at layout=\"linked/house.xml\" leads out of the source's folder through a symbolic link$(tail_outside --layout)"
render_layout evil
expect_error "layout name found as a link out" 1 "$at layout=\"evil\" finds layouts/evil.xml, which leads out of the source's folder through a symbolic link$(tail_outside --layout)"
render_layout pipe.xml
expect_error "layout FIFO" 1 "$at layout=\"pipe.xml\" is a FIFO, not a regular file"
render_layout folder.xml
expect_error "layout folder" 1 "$at layout=\"folder.xml\" is a folder, not a regular file"
render_layout /dev/zero
expect_error "layout device" 1 "$at layout=\"/dev/zero\" is an absolute path$(tail_outside --layout)"
render_layout /dev/zero --allow-dir /dev
expect_error "layout device in an allowed folder" 1 "$at layout=\"/dev/zero\" is a device, not a regular file"
render_layout missing.xml
expect_error "layout missing" 1 "$at layout=\"missing.xml\" names no file that can be read: $src/missing.xml: No such file or directory"
check "no PDF from a refused layout" [ ! -e "$work/paper.pdf" ]

render_layout house.xml
check "layout beside the source renders" succeeded "$work/paper.pdf"
rm -f "$work/paper.pdf"
render_layout committee-report
check "a shipped house style by name renders" succeeded "$work/paper.pdf"
rm -f "$work/paper.pdf"
render_layout ../outside/house.xml --allow-dir "$outside"
check "--allow-dir lets .. into that folder" succeeded "$work/paper.pdf"
rm -f "$work/paper.pdf"
render_layout "$outside/house.xml" --allow-dir "$outside"
check "--allow-dir lets an absolute path into that folder" succeeded "$work/paper.pdf"
rm -f "$work/paper.pdf"
render_layout link.xml --allow-dir "$outside"
check "--allow-dir lets a link into that folder" succeeded "$work/paper.pdf"
rm -f "$work/paper.pdf"
render_layout /etc/shadow --layout "$outside/house.xml"
check "--layout /abs/path is still allowed" succeeded "$work/paper.pdf"
rm -f "$work/paper.pdf"
render_layout house.xml --layout "$work/pipe.xml"
expect_error "--layout FIFO" 1 "$work/pipe.xml: error: is a FIFO, not a house style file"
run_cmd layouts --check "$work/pipe.xml"
expect_error "layouts --check FIFO" 1 "$work/pipe.xml: error: is a FIFO, not a house style file"
render_layout house.xml --allow-dir "$work/no-such-folder"
check "--allow-dir of no folder is a usage error" [ "$status" -eq 2 ]
check "and says so" grep -q "render: --allow-dir needs a folder that exists: $work/no-such-folder" "$work/err"

# The same rule for preview and build.
layout_paper ../outside/house.xml
run_cmd preview "$src/paper.xml" -o "$work/png" --pages 1
expect_error "preview refuses it" 1 "$at layout=\"../outside/house.xml\" leads out of the source's folder$(tail_outside --layout)"
run_cmd preview "$src/paper.xml" -o "$work/png" --pages 1 --allow-dir "$outside"
check "preview --allow-dir" succeeded "$work/png/paper-1.png"
run_cmd build -j 1 -o "$work/built" "$src/paper.xml"
check "build refuses it" failed_with "$at layout=\"../outside/house.xml\" leads out"
run_cmd build -j 1 -o "$work/built" --allow-dir "$outside" "$src/paper.xml"
check "build --allow-dir" succeeded "$work/built/paper.pdf"

# ---- previous-source= ----
cp samples/adults-2024-q2.xml "$outside/q2.xml"
cp samples/adults-2024-q2.xml "$src/q2.xml"
ln -s "$outside/q2.xml" "$src/q2-link.xml"
quarter() {
	sed "s|previous-source=\"adults-2024-q2.xml\"|previous-source=\"$1\"|" \
		samples/adults-2024-q3.xml > "$src/q3.xml"
}
validate_previous() {
	quarter "$1"
	shift
	run_cmd validate "$@" "$src/q3.xml"
}
at="$src/q3.xml:133:18: error:"

validate_previous /etc/passwd
expect_error "previous-source absolute" 1 "$at previous-source=\"/etc/passwd\" is an absolute path$(tail_outside --previous)"
validate_previous ../../x
expect_error "previous-source .. out" 1 "$at previous-source=\"../../x\" leads out of the source's folder$(tail_outside --previous)"
validate_previous q2-link.xml
expect_error "previous-source symlink out" 1 "$at previous-source=\"q2-link.xml\" leads out of the source's folder through a symbolic link$(tail_outside --previous)"
validate_previous pipe.xml
expect_error "previous-source FIFO" 1 "$at previous-source=\"pipe.xml\" is a FIFO, not a regular file"
validate_previous folder.xml
expect_error "previous-source folder" 1 "$at previous-source=\"folder.xml\" is a folder, not a regular file"
validate_previous /dev/zero --allow-dir /dev
expect_error "previous-source device in an allowed folder" 1 "$at previous-source=\"/dev/zero\" is a device, not a regular file"
validate_previous q2.xml
check "previous-source beside the source validates" [ "$status" -eq 0 ]
validate_previous ../outside/q2.xml --allow-dir "$outside"
check "validate --allow-dir" [ "$status" -eq 0 ]
quarter ../outside/q2.xml
run_cmd render "$src/q3.xml" -o "$work/q3.pdf"
expect_error "render refuses previous-source out" 1 "$at previous-source=\"../outside/q2.xml\" leads out of the source's folder$(tail_outside --previous)"
run_cmd render "$src/q3.xml" -o "$work/q3.pdf" --previous "$outside/q2.xml"
check "--previous /abs/path is still allowed" succeeded "$work/q3.pdf"

# ---- the source itself ----
run_cmd render "$work/pipe.xml" -o "$work/fifo.pdf"
expect_error "render of a FIFO" 1 "$work/pipe.xml: error: is a FIFO, not a source file; give - to read standard input"
run_cmd validate "$work/pipe.xml" /dev/zero
expect_error "validate of a FIFO" 1 "$work/pipe.xml: error: is a FIFO, not a source file; give - to read standard input"
expect_error "validate of a device" 1 "/dev/zero: error: is a device, not a source file; give - to read standard input"
run_cmd preview "$work/pipe.xml" -o "$work/png"
expect_error "preview of a FIFO" 1 "$work/pipe.xml: error: is a FIFO, not a source file; give - to read standard input"
run_cmd build -j 1 -o "$work/built" "$work/pipe.xml"
check "build of a FIFO fails, not hangs" failed_with "is a FIFO, not a source file"
small_paper "$work/stdin.xml" "From standard input"
timeout 10 "$BIN" render - -o "$work/stdin.pdf" < "$work/stdin.xml" 2> "$work/err"
status=$?
check "- still reads standard input" succeeded "$work/stdin.pdf"
finish
