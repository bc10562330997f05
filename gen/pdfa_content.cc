/*
 * pdfa_content.cc: the one C++ part of gen.  Marks a page's decoration
 * as artifacts by rewriting its content stream token by token with
 * qpdf's Pl_QPDFTokenizer and TokenFilter (qpdf's C API has no content
 * tokenizer).  C interface in pdfa.h; called by pdfa.c.
 */
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <qpdf/Pl_Buffer.hh>
#include <qpdf/Pl_QPDFTokenizer.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "pdfa.h"

namespace {

/*
 * Holds the tokens since the last operator (its operands and the white
 * space between them) and writes them with the operator:
 *  - "/Artifact <</MCID n>> BDC" (Cairo's tag PDFA_TAG_ARTIFACT) becomes
 *    a layout artifact, "/Pagination <</MCID n>> BDC" a pagination
 *    artifact of the footer;
 *  - other operators outside any marked content get wrapped in
 *    "/Artifact BMC ... EMC" (Cairo's own state operators between two
 *    elements, and anything else drawn outside a tag).
 */
class Marker : public QPDFObjectHandle::TokenFilter {
public:
	void handleToken(QPDFTokenizer::Token const &) override;
	void handleEOF() override;

private:
	void flush();

	std::vector<QPDFTokenizer::Token> pend;	/* operands, white space */
	int depth = 0;				/* open marked content */
	bool wrapped = false;			/* our /Artifact BMC is open */
};

void
Marker::flush()
{
	for (auto const &t : pend)
		writeToken(t);
	pend.clear();
}

void
Marker::handleToken(QPDFTokenizer::Token const &t)
{
	std::string op, tag;

	if (t.getType() != QPDFTokenizer::tt_word) {
		pend.push_back(t);
		return;
	}
	op = t.getValue();
	if (op == "BDC" || op == "BMC") {
		if (wrapped) {
			write("\nEMC\n");
			wrapped = false;
		}
		for (auto const &o : pend)
			if (o.getType() == QPDFTokenizer::tt_name) {
				tag = o.getValue();
				break;
			}
		depth++;
		if (op == "BDC" && tag == "/" PDFA_TAG_ARTIFACT) {
			pend.clear();
			write("\n/Artifact <</Type /Layout>> BDC");
			return;
		}
		if (op == "BDC" && tag == "/" PDFA_TAG_PAGINATION) {
			pend.clear();
			write("\n/Artifact <</Type /Pagination /Subtype /Footer>> "
			    "BDC");
			return;
		}
		flush();
		writeToken(t);
		return;
	}
	if (op == "EMC") {
		if (depth > 0)
			depth--;
		flush();
		writeToken(t);
		return;
	}
	if (depth == 0 && !wrapped) {
		write("\n/Artifact BMC\n");
		wrapped = true;
	}
	flush();
	writeToken(t);
}

void
Marker::handleEOF()
{
	flush();
	if (wrapped)
		write("\nEMC\n");
	wrapped = false;
}

} // namespace

unsigned char *
pdfa_content(const unsigned char *in, size_t len, size_t *outlen)
{
	unsigned char	*out = nullptr;

	try {
		Marker		 m;
		Pl_Buffer	 buf("pdfa content");
		Pl_QPDFTokenizer tok("pdfa content", &m, &buf);
		unsigned char	*data;
		size_t		 n;

		tok.write(in, len);
		tok.finish();
		buf.getMallocBuffer(&data, &n);
		out = data;
		*outlen = n;
		if (out == nullptr && (out = static_cast<unsigned char *>(
		    std::malloc(1))) != nullptr)
			*outlen = 0;
	} catch (...) {
		std::free(out);
		out = nullptr;
	}
	return out;
}
