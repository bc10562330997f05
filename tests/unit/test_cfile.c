/*
 * test_cfile.c: cfile.c opens only regular files inside the content
 * folder, with openat2 and, in a child whose seccomp filter makes
 * openat2 fail with ENOSYS (old kernels, container filters), with the
 * component-by-component fallback.
 */
#define _GNU_SOURCE
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <linux/filter.h>
#include <linux/seccomp.h>

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "cfile.h"
#include "tutil.h"

/* Paths tried, relative to the scratch folder; the content folder is c. */
static const char *const paths[] = {
	"c/a.md",		/* a regular file */
	"c/in.md",		/* -> sub/b.md: a link that stays inside */
	"c/out.md",		/* -> ../secret: leads outside */
	"c/abs.md",		/* -> /.../c/a.md: absolute, refused */
	"c/chain.md",		/* -> in.md -> sub/b.md */
	"c/chainout.md",	/* -> out.md -> ../secret */
	"c/fifo.md",		/* a FIFO */
	"c/dir.md",		/* a folder */
	"c/missing.md",		/* nothing */
	"c/../secret",		/* climbs out */
	"c/subout/x.md",	/* a folder linked outside, then a file */
};

struct fx {
	char	*dir;		/* the scratch folder */
	int	 cwd;		/* the folder the test started in */
};

static int
setup(void **state)
{
	struct fx	*fx = xcalloc(1, sizeof(*fx));
	char		*p;

	fx->dir = xstrdup("/tmp/gen-cfile-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	fx->cwd = open(".", O_RDONLY | O_DIRECTORY);
	assert_int_equal(chdir(fx->dir), 0);
	assert_int_equal(mkdir("c", 0755), 0);
	assert_int_equal(mkdir("c/sub", 0755), 0);
	assert_int_equal(mkdir("c/dir.md", 0755), 0);
	assert_int_equal(mkdir("elders", 0755), 0);
	assert_int_equal(util_write_file("c/a.md", "A", 1), 0);
	assert_int_equal(util_write_file("c/sub/b.md", "B", 1), 0);
	assert_int_equal(util_write_file("secret", "GEHEIM", 6), 0);
	assert_int_equal(util_write_file("elders/x.md", "X", 1), 0);
	assert_int_equal(symlink("sub/b.md", "c/in.md"), 0);
	assert_int_equal(symlink("../secret", "c/out.md"), 0);
	p = xasprintf("%s/c/a.md", fx->dir);
	assert_int_equal(symlink(p, "c/abs.md"), 0);
	free(p);
	assert_int_equal(symlink("in.md", "c/chain.md"), 0);
	assert_int_equal(symlink("out.md", "c/chainout.md"), 0);
	assert_int_equal(symlink("../elders", "c/subout"), 0);
	assert_int_equal(mkfifo("c/fifo.md", 0644), 0);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fx	*fx = *state;

	assert_int_equal(fchdir(fx->cwd), 0);
	close(fx->cwd);
	util_rmtree(fx->dir);
	free(fx->dir);
	free(fx);
	return 0;
}

/* What cfile makes of every path, its diagnostics in between. */
static char *
transcript(void)
{
	struct cap	 cap;
	char		*text, *out, **names;
	size_t		 i, len;
	int		 n, k;

	cap_open(&cap);
	for (i = 0; i < GEN_NELEM(paths); i++) {
		fprintf(cap.f, "%s: kind %d\n", paths[i],
		    (int)cfile_kind("c", paths[i], &cap.d));
		text = cfile_read("c", paths[i], paths[i], &len, &cap.d);
		fprintf(cap.f, "%s: read %s\n", paths[i], text ? text : "-");
		free(text);
	}
	if ((n = cfile_list("c", "c", &names, &cap.d)) >= 0) {
		fprintf(cap.f, "c:");
		for (k = 0; k < n; k++)
			fprintf(cap.f, " %s", names[k]);
		fprintf(cap.f, "\n");
		util_free_list(names, n);
	}
	n = cfile_list("c", "c/subout", &names, &cap.d);
	fprintf(cap.f, "c/subout: list %d\n", n);
	if (n >= 0)
		util_free_list(names, n);
	out = xstrdup(cap_text(&cap));
	cap_close(&cap);
	return out;
}

#define OUTSIDE "error: leads outside the content folder (through a " \
	"symbolic link, an absolute path or '..'); gen reads only files " \
	"inside it\n"
#define FIFO "c/fifo.md: error: is a FIFO (named pipe), not a regular " \
	"file; gen reads only regular files inside the content folder\n"
#define NOLINK "error: is a symbolic link, which gen cannot check on " \
	"this system (no openat2); copy the file into the content folder " \
	"instead\n"

static const char want_openat2[] =
	"c/a.md: kind 1\nc/a.md: read A\n"
	"c/in.md: kind 1\nc/in.md: read B\n"
	"c/out.md: " OUTSIDE "c/out.md: kind 3\n"
	"c/out.md: " OUTSIDE "c/out.md: read -\n"
	"c/abs.md: " OUTSIDE "c/abs.md: kind 3\n"
	"c/abs.md: " OUTSIDE "c/abs.md: read -\n"
	"c/chain.md: kind 1\nc/chain.md: read B\n"
	"c/chainout.md: " OUTSIDE "c/chainout.md: kind 3\n"
	"c/chainout.md: " OUTSIDE "c/chainout.md: read -\n"
	FIFO "c/fifo.md: kind 3\n" FIFO "c/fifo.md: read -\n"
	"c/dir.md: kind 2\n"
	"c/dir.md: error: is a folder, not a regular file; gen reads only "
	"regular files inside the content folder\nc/dir.md: read -\n"
	"c/missing.md: kind 0\n"
	"c/missing.md: error: cannot read: No such file or directory\n"
	"c/missing.md: read -\n"
	"c/../secret: " OUTSIDE "c/../secret: kind 3\n"
	"c/../secret: " OUTSIDE "c/../secret: read -\n"
	"c/subout/x.md: " OUTSIDE "c/subout/x.md: kind 3\n"
	"c/subout/x.md: " OUTSIDE "c/subout/x.md: read -\n"
	"c: a.md abs.md chain.md chainout.md dir.md fifo.md in.md out.md "
	"sub subout\n"
	"c/subout: " OUTSIDE "c/subout: list -1\n";

/* Without openat2 every symbolic link is refused. */
static const char want_strict[] =
	"c/a.md: kind 1\nc/a.md: read A\n"
	"c/in.md: " NOLINK "c/in.md: kind 3\n"
	"c/in.md: " NOLINK "c/in.md: read -\n"
	"c/out.md: " NOLINK "c/out.md: kind 3\n"
	"c/out.md: " NOLINK "c/out.md: read -\n"
	"c/abs.md: " NOLINK "c/abs.md: kind 3\n"
	"c/abs.md: " NOLINK "c/abs.md: read -\n"
	"c/chain.md: " NOLINK "c/chain.md: kind 3\n"
	"c/chain.md: " NOLINK "c/chain.md: read -\n"
	"c/chainout.md: " NOLINK "c/chainout.md: kind 3\n"
	"c/chainout.md: " NOLINK "c/chainout.md: read -\n"
	FIFO "c/fifo.md: kind 3\n" FIFO "c/fifo.md: read -\n"
	"c/dir.md: kind 2\n"
	"c/dir.md: error: is a folder, not a regular file; gen reads only "
	"regular files inside the content folder\nc/dir.md: read -\n"
	"c/missing.md: kind 0\n"
	"c/missing.md: error: cannot read: No such file or directory\n"
	"c/missing.md: read -\n"
	"c/../secret: " OUTSIDE "c/../secret: kind 3\n"
	"c/../secret: " OUTSIDE "c/../secret: read -\n"
	"c/subout/x.md: " NOLINK "c/subout/x.md: kind 3\n"
	"c/subout/x.md: " NOLINK "c/subout/x.md: read -\n"
	"c: a.md abs.md chain.md chainout.md dir.md fifo.md in.md out.md "
	"sub subout\n"
	"c/subout: " NOLINK "c/subout: list -1\n";

static void
test_openat2(void **state)
{
	char	*t;

	(void)state;
	t = transcript();
	assert_text(t, want_openat2);
	free(t);
}

/* Makes openat2 fail with ENOSYS in this process from now on. */
static int
no_openat2(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		    offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_openat2, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { (unsigned short)GEN_NELEM(f), f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) != 0)
		return -1;
	return syscall(SYS_openat2, AT_FDCWD, ".", NULL, 0) == -1 &&
	    errno == ENOSYS ? 0 : -1;
}

static void
test_strict(void **state)
{
	struct buf	 b = { NULL, 0, 0 };
	char		 chunk[4096], *t;
	ssize_t		 n;
	pid_t		 pid;
	int		 p[2], st;

	(void)state;
	assert_int_equal(pipe(p), 0);
	if ((pid = fork()) == 0) {
		close(p[0]);
		if (no_openat2() != 0)
			_exit(3);
		t = transcript();
		if (write(p[1], t, strlen(t)) != (ssize_t)strlen(t))
			_exit(4);
		free(t);
		_exit(0);
	}
	assert_true(pid > 0);
	close(p[1]);
	while ((n = read(p[0], chunk, sizeof(chunk))) > 0)
		buf_add(&b, chunk, (size_t)n);
	close(p[0]);
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 0);
	assert_text(b.s != NULL ? b.s : "", want_strict);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_openat2, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strict, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
