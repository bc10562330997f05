/*
 * common.h: shared set-up of the fuzz harnesses: a small codebook and
 * register that every harness can check input against.
 */
#ifndef FUZZ_COMMON_H
#define FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "codes.h"
#include "diag.h"
#include "register.h"

static const char fuzz_codes[] =
    "kolom,code,label,volgorde\n"
    "signaal,email,Per e-mail,1\n"
    "signaal,telefoon,Per telefoon,2\n"
    "themas,tarief,Tarief,1\n"
    "themas,vertrouwen,Vertrouwen,2\n"
    "themas,perspectief,Perspectief,3\n"
    "aanleiding,aanbesteding,Aanbesteding,1\n"
    "partijen,gemeente-aanbieder,Gemeente en aanbieder,1\n"
    "onderwerp,strategie,Strategie,1\n"
    "onderwerp,privacy,Privacy,2\n";

static const char fuzz_register[] =
    "id,regio,partijen,signaal,themas,hoofdthema,aanleiding,start,eind,"
    "gesprekken,uitkomst\n"
    "a1,Twente,gemeente-aanbieder,email,\"tarief;vertrouwen\",tarief,"
    "aanbesteding,2019-01-05,2019-04-01,4,geslaagd\n"
    "a2,Twente,gemeente-aanbieder,telefoon,vertrouwen,,,2019-03-01,"
    "2019-09-11,7,geweigerd\n"
    "a3,Rijnmond,,email,\"perspectief;tarief\",perspectief,,"
    "2020-02-01,,3,lopend\n"
    "a4,Rijnmond,gemeente-aanbieder,email,tarief,,,5-3-2020,"
    "20-6-2020,5,geslaagd\n";

/* Loads the codebook once from a temporary file. */
static struct codebook *
fuzz_codebook(void)
{
	static struct codebook	 cb;
	static int		 done;
	struct diag		 d;
	char			 path[] = "/tmp/gen-fuzz-codes-XXXXXX";
	int			 fd;

	if (done)
		return &cb;
	if ((fd = mkstemp(path)) == -1 ||
	    write(fd, fuzz_codes, sizeof(fuzz_codes) - 1) < 0)
		abort();
	close(fd);
	diag_init(&d, NULL);
	if (codebook_load(&cb, "/tmp", path, "codes.csv", &d) != 0)
		abort();
	unlink(path);
	done = 1;
	return &cb;
}

#endif
