/*
 * fmt.c: Dutch number and date formatting, date parsing.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "util.h"

const char *const fmt_months[13] = {
	"", "januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december"
};

double
fmt_round(double v)
{
	/*
	 * Half away from zero.  A value such as 6.65 is stored as a
	 * hair below or above; the relative nudge keeps the decimal
	 * reading a reader would compute by hand.
	 */
	double	 a = fabs(v);

	a = floor(a + 0.5 + a * 4 * 2.220446049250313e-16);
	return v < 0 ? -a : a;
}

void
fmt_int(struct buf *b, long long v)
{
	char		 digits[32];
	unsigned long long u;
	int		 n = 0, i;

	if (v < 0) {
		buf_putc(b, '-');
		u = (unsigned long long)(-(v + 1)) + 1;
	} else
		u = (unsigned long long)v;
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u != 0);
	for (i = n - 1; i >= 0; i--) {
		buf_putc(b, digits[i]);
		if (i > 0 && i % 3 == 0)
			buf_putc(b, '.');
	}
}

void
fmt_pct(struct buf *b, double v)
{
	double	 r = fmt_round(v);

	fmt_int(b, (long long)r);
	buf_putc(b, '%');
}

void
fmt_num(struct buf *b, double v)
{
	double		 t = fmt_round(v * 10.0);
	long long	 tenths;

	if (t == 0) {
		buf_putc(b, '0');
		return;
	}
	if (t < 0) {
		buf_putc(b, '-');
		t = -t;
	}
	tenths = (long long)t;
	fmt_int(b, tenths / 10);
	if (tenths % 10 != 0)
		buf_printf(b, ",%lld", tenths % 10);
}

int32_t
fmt_days(int y, int m, int d)
{
	/* Howard Hinnant's days_from_civil. */
	int		 era;
	unsigned	 yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + (int)doe - 719468);
}

void
fmt_civil(int32_t z, int *y, int *m, int *d)
{
	int		 era, yy;
	unsigned	 doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = (int)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yy + (*m <= 2);
}

void
fmt_date(struct buf *b, int32_t days)
{
	int	 y, m, d;

	fmt_civil(days, &y, &m, &d);
	buf_printf(b, "%d %s %d", d, fmt_months[m], y);
}

void
fmt_date_iso(struct buf *b, int32_t days)
{
	int	 y, m, d;

	fmt_civil(days, &y, &m, &d);
	buf_printf(b, "%04d-%02d-%02d", y, m, d);
}

/* Reads 1..max digits; returns the count read or 0. */
static int
digits(const char *s, int max, int *v)
{
	int	 n = 0;

	*v = 0;
	while (n < max && s[n] >= '0' && s[n] <= '9')
		*v = *v * 10 + (s[n++] - '0');
	return n;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
fmt_parse_date(const char *s, int32_t *days)
{
	static const int mdays[13] =
	    { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int	 y, m, d, n1, n2, n3;
	const char *p = s;

	n1 = digits(p, 4, &y);
	if (n1 == 4 && p[4] == '-') {
		/* YYYY-MM-DD */
		p += 5;
		if ((n2 = digits(p, 2, &m)) != 2 || p[2] != '-')
			return -1;
		p += 3;
		if ((n3 = digits(p, 2, &d)) != 2 || p[2] != '\0')
			return -1;
	} else if (n1 >= 1 && n1 <= 2 && p[n1] == '-') {
		/* D-M-YYYY */
		d = y;
		p += n1 + 1;
		if ((n2 = digits(p, 2, &m)) < 1 || p[n2] != '-')
			return -1;
		p += n2 + 1;
		if ((n3 = digits(p, 4, &y)) != 4 || p[4] != '\0')
			return -1;
	} else
		return -1;
	if (y < FMT_YEAR_MIN || y > FMT_YEAR_MAX)
		return -3;
	if (m < 1 || m > 12 || d < 1)
		return -2;
	if (d > mdays[m] + (m == 2 && leap(y)))
		return -2;
	*days = fmt_days(y, m, d);
	return 0;
}

int
fmt_parse_int(const char *s, long long *v)
{
	char		*end;
	const char	*p = s;

	if (*p == '-' || *p == '+')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	for (; *p != '\0'; p++)
		if (*p < '0' || *p > '9')
			return -1;
	errno = 0;
	*v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	return 0;
}
