#include "paths.h"
#include "memory.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *data_dir;

static int is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return mem_strdup(".");
	buf[n] = '\0';
	return paths_dirname(buf);
}

static char *find_data_dir(void)
{
	const char *env = getenv("COMMITTEE_PDF_DATADIR");
	if (env && *env)
		return mem_strdup(env);
	char *bin = exe_dir();
	char *installed = mem_printf("%s/../share/committee-pdf", bin);
	if (is_dir(installed)) {
		free(bin);
		return installed;
	}
	free(installed);
	/* build/committee-pdf or build/tests/x: walk up to the tree holding generator/ */
	char *dir = bin;
	for (int up = 0; up < 4; up++) {
		char *probe = mem_printf("%s/generator/committee-paper.xsd", dir);
		struct stat st;
		int found = stat(probe, &st) == 0;
		free(probe);
		if (found)
			return dir;
		char *parent = mem_printf("%s/..", dir);
		free(dir);
		dir = parent;
	}
	free(dir);
	return mem_strdup(".");
}

const char *paths_data_dir(void)
{
	if (!data_dir)
		data_dir = find_data_dir();
	return data_dir;
}

char *paths_schema(const char *file_name)
{
	const char *dir = paths_data_dir();
	char *shipped = mem_printf("%s/schema/%s", dir, file_name);
	struct stat st;
	if (stat(shipped, &st) == 0)
		return shipped;
	free(shipped);
	return mem_printf("%s/generator/%s", dir, file_name);
}

char *paths_layouts_dir(void)
{
	return mem_printf("%s/layouts", paths_data_dir());
}

char *paths_fonts_conf(void)
{
	return mem_printf("%s/fonts/fonts.conf", paths_data_dir());
}

char *paths_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return mem_strdup(".");
	if (slash == path)
		return mem_strdup("/");
	return mem_strndup(path, (size_t)(slash - path));
}

char *paths_beside(const char *dir, const char *path)
{
	if (path[0] == '/')
		return mem_strdup(path);
	return mem_printf("%s/%s", dir, path);
}

const char *paths_irregular_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return NULL;
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISDIR(mode))
		return "a folder";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a file";
}

int paths_open_regular(const char *path, const char **kind)
{
	const char *what = NULL;
	struct stat st;
	int fd = -1;
	if (stat(path, &st) != 0)
		goto out;
	if ((what = paths_irregular_kind(st.st_mode)))
		goto irregular;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0)
		goto out;
	if (fstat(fd, &st) != 0 || (what = paths_irregular_kind(st.st_mode))) {
		close(fd);
		fd = -1;
		if (what)
			goto irregular;
		goto out;
	}
	int flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	goto out;
irregular:
	errno = EINVAL;
out:
	if (kind)
		*kind = what;
	return fd;
}

FILE *paths_fopen_regular(const char *path)
{
	int fd = paths_open_regular(path, NULL);
	if (fd < 0)
		return NULL;
	FILE *f = fdopen(fd, "rb");
	if (!f)
		close(fd);
	return f;
}

char *paths_read_bounded(int fd, size_t max_bytes, size_t *length)
{
	size_t capacity = 64 * 1024, n = 0;
	struct stat st;
	/* A regular file says its size: one too big is refused unread, and
	 * one of the right size is read into a buffer of the right size. */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
		if ((unsigned long long)st.st_size > max_bytes) {
			errno = EFBIG;
			return NULL;
		}
		capacity = (size_t)st.st_size + 1;
	}
	char *buf = mem_alloc(capacity);
	for (;;) {
		if (n == capacity) {
			if (n > max_bytes)
				break;
			capacity *= 2;
			buf = mem_resize(buf, capacity, 1);
		}
		ssize_t got = read(fd, buf + n, capacity - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			int error = errno;
			free(buf);
			errno = error;
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > max_bytes) {
		free(buf);
		errno = EFBIG;
		return NULL;
	}
	*length = n;
	return buf;
}

/* A folder as two absolute forms: as named (made absolute, "." and ".."
 * taken away by their text) and as the kernel resolves it. A path may lie
 * under either. */
struct folder {
	char *named;
	char *real;
};

static struct folder *allowed;
static size_t allowed_count, allowed_capacity;

/* path made absolute against base (itself absolute) and "." and ".."
 * applied by their text, with no file looked at. Caller frees. */
static char *lexical_absolute(const char *base, const char *path)
{
	char *joined = path[0] == '/' ? mem_strdup(path)
				       : mem_printf("%s/%s", base, path);
	size_t n = strlen(joined), out = 0;
	char *result = mem_alloc(n + 2);
	for (size_t i = 0; i < n;) {
		while (i < n && joined[i] == '/')
			i++;
		size_t start = i;
		while (i < n && joined[i] != '/')
			i++;
		size_t length = i - start;
		if (length == 0 || (length == 1 && joined[start] == '.'))
			continue;
		if (length == 2 && joined[start] == '.' && joined[start + 1] == '.') {
			while (out > 0 && result[out - 1] != '/')
				out--;
			if (out > 0)
				out--; /* the slash before it; "/.." is "/" */
			continue;
		}
		result[out++] = '/';
		memcpy(result + out, joined + start, length);
		out += length;
	}
	if (out == 0)
		result[out++] = '/';
	result[out] = '\0';
	free(joined);
	return result;
}

/* Is path (absolute, no "." or "..") dir itself or below it? */
static int is_under(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	if (n == 1 && dir[0] == '/')
		return 1;
	return strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

static char *current_dir(void)
{
	char *cwd = getcwd(NULL, 0);
	if (!cwd)
		return mem_strdup("/");
	char *owned = mem_strdup(cwd);
	free(cwd);
	return owned;
}

/* 0 and both forms, or -1 with errno when dir cannot be resolved. */
static int folder_of(const char *dir, struct folder *folder)
{
	char *real = realpath(dir, NULL);
	if (!real)
		return -1;
	char *cwd = current_dir();
	folder->named = lexical_absolute(cwd, dir);
	folder->real = mem_strdup(real);
	free(cwd);
	free(real);
	return 0;
}

static void folder_free(struct folder *folder)
{
	free(folder->named);
	free(folder->real);
}

int paths_allow_dir(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	struct folder folder;
	if (folder_of(dir, &folder) != 0)
		return -1;
	MEM_GROW(allowed, allowed_count, allowed_capacity);
	allowed[allowed_count++] = folder;
	return 0;
}

void paths_allow_clear(void)
{
	for (size_t i = 0; i < allowed_count; i++)
		folder_free(&allowed[i]);
	free(allowed);
	allowed = NULL;
	allowed_count = allowed_capacity = 0;
}

static int in_folder(const char *path, const struct folder *folder)
{
	return is_under(path, folder->named) || is_under(path, folder->real);
}

static int in_allowed(const char *path)
{
	for (size_t i = 0; i < allowed_count; i++)
		if (in_folder(path, &allowed[i]))
			return 1;
	return 0;
}

static void refuse(const struct paths_naming *naming, const char *value,
		   struct diag_list *diags, const char *problem)
{
	if (!diags)
		return;
	diag_add(diags, DIAG_ERROR, naming->source, naming->line, naming->col,
		 "%s=\"%s\" %s", naming->attribute, value, problem);
}

static void refuse_outside(const struct paths_naming *naming,
			   const char *value, struct diag_list *diags,
			   const char *how)
{
	char *problem = mem_printf(
		"%s; a source may name only files in its own folder (%s%s%s"
		"allow the folder with --allow-dir DIR)", how,
		naming->option ? "name the file with " : "",
		naming->option ? naming->option : "",
		naming->option ? ", or " : "");
	refuse(naming, value, diags, problem);
	free(problem);
}

/* Where value leads by its text alone: 1 into the source's folder, 2 into
 * an allowed folder, 0 elsewhere. Relative values are read from both forms
 * of the folder, since "../docs/x" in a folder reached through a link may
 * come back into it. No file is looked at, so nothing outside is probed. */
static int lexical_place(const struct folder *home, const char *value)
{
	int place = 0;
	const char *bases[] = { home->named, home->real };
	for (size_t i = 0; i < 2 && !place; i++) {
		char *lexical = lexical_absolute(bases[i], value);
		if (value[0] != '/' && is_under(lexical, bases[i]))
			place = 1;
		else if (in_allowed(lexical))
			place = 2;
		free(lexical);
	}
	return place;
}

/* The checks once the source's folder is known; the path to open or NULL. */
static char *resolve_named(const struct paths_naming *naming,
			   const struct folder *home, const char *home_as_given,
			   const char *value, size_t max_bytes,
			   struct diag_list *diags)
{
	if (!lexical_place(home, value)) {
		refuse_outside(naming, value, diags,
			       value[0] == '/' ? "is an absolute path"
					       : "leads out of the source's folder");
		return NULL;
	}
	char *path = paths_beside(home_as_given, value);
	char *real = realpath(path, NULL);
	struct stat st;
	int seen = real && stat(real, &st) == 0;
	int real_inside = real && (is_under(real, home->real) || in_allowed(real));
	char *problem = NULL;
	if (real && !real_inside)
		refuse_outside(naming, value, diags, "leads out of the source's "
			       "folder through a symbolic link");
	else if (!seen)
		problem = mem_printf("names no file that can be read: %s: %s",
				     path, strerror(errno));
	else if (paths_irregular_kind(st.st_mode))
		problem = mem_printf("is %s, not a regular file",
				     paths_irregular_kind(st.st_mode));
	else if (max_bytes && (unsigned long long)st.st_size > max_bytes) {
		char *words = paths_size_words(max_bytes);
		problem = mem_printf("is larger than %zu bytes%s; files named "
				     "in a source are refused above that size",
				     max_bytes, words);
		free(words);
	}
	free(real);
	if (real_inside && !problem)
		return path;
	if (problem)
		refuse(naming, value, diags, problem);
	free(problem);
	free(path);
	return NULL;
}

char *paths_named(const struct paths_naming *naming, const char *value,
		  size_t max_bytes, struct diag_list *diags)
{
	if (!value || !*value) {
		refuse(naming, value ? value : "", diags, "names no file");
		return NULL;
	}
	const char *source = naming->source;
	char *home_as_given = paths_dirname(strcmp(source, "-") == 0 ? "./-" : source);
	struct folder home;
	if (folder_of(home_as_given, &home) != 0) {
		char *problem = mem_printf("cannot be looked for: the source's "
					   "folder %s: %s", home_as_given,
					   strerror(errno));
		refuse(naming, value, diags, problem);
		free(problem);
		free(home_as_given);
		return NULL;
	}
	char *path = resolve_named(naming, &home, home_as_given, value,
				   max_bytes, diags);
	folder_free(&home);
	free(home_as_given);
	return path;
}

char *paths_size_words(size_t bytes)
{
	if (bytes % (1024u * 1024u) == 0)
		return mem_printf(" (%zu MiB)", bytes >> 20);
	if (bytes % 1024u == 0)
		return mem_printf(" (%zu KiB)", bytes >> 10);
	return mem_strdup("");
}
