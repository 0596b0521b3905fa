/* loader_errors.c - the errors that stop a load: the first one kept
 * with its place (set by the loader, or libxml2's, said plainly: bad
 * UTF-8, a NUL byte, an entity), and the parser stopped. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "nls.h"
#include "loader_state.h"
#include "loader_errors.h"
#include "xmlwords.h"

void
ld_stop(struct ld *ld)
{
	if (ld->ctxt)
		xmlStopParser(ld->ctxt);
}

void
ld_fatal(struct ld *ld, uint32_t line, uint32_t col, const char *fmt, ...)
{
	va_list ap;
	if (ld->fatal)
		return;
	ld->fatal = true;
	ld->err->line = line;
	ld->err->col = col;
	va_start(ap, fmt);
	vsnprintf(ld->err->msg, sizeof(ld->err->msg), gettext(fmt), ap); /* make pot */
	va_end(ap);
}

/* libxml2's message on one line, without its trailing newline, and put
 * plainly where it is obscure. */
static void
xml_message(XML_ERROR *e, char *buf, size_t size)
{
	const char *msg = e->message ? e->message : "XML error";
	const char *bytes = strstr(msg, "Bytes: ");
	unsigned code;
	size_t n = 0;

	if (strncmp(msg, "Input is not proper UTF-8", 25) == 0 && bytes) {
		n = strcspn(bytes + 7, "\n");
		while (n && bytes[7 + n - 1] == ' ')
			n--;
		snprintf(buf, size, _("invalid UTF-8 (bytes %.*s)"), (int)n, bytes + 7);
		n = 0;
	} else if (strncmp(msg, "Input is not proper UTF-8", 25) == 0) {
		snprintf(buf, size, "%s", _("invalid UTF-8"));
	} else if (strncmp(msg, "input conversion failed", 23) == 0) {
		const char *b = strstr(msg, "bytes ");
		n = b ? strcspn(b + 6, "\n") : 0;
		snprintf(buf, size, _("not valid in the declared encoding%s%.*s%s"),
			 b ? _(" (bytes ") : "", (int)n, b ? b + 6 : "", b ? ")" : "");
		n = 0;
	} else if (sscanf(msg, "Char 0x%X out of allowed range", &code) == 1 ||
		   sscanf(msg, "PCDATA invalid Char value %u", &code) == 1) {
		if (code == 0)
			snprintf(buf, size, "%s", _("NUL byte (not allowed in XML)"));
		else
			snprintf(buf, size, _("character U+%04X not allowed in XML"),
				 code);
	} else if (e->code == XML_ERR_DOCUMENT_EMPTY) {
		snprintf(buf, size, "%s", _("not an XML document (it must start with '<')"));
	} else if (!xmlwords_say(e, buf, size)) {
		snprintf(buf, size, "%s", msg);
	}
	for (const char *p = buf; *p && n + 1 < size; p++) {
		char c = *p == '\n' || *p == '\r' ? ' ' : *p;
		if (c == ' ' && (n == 0 || buf[n - 1] == ' '))
			continue;
		buf[n++] = c;
	}
	while (n && buf[n - 1] == ' ')
		n--;
	buf[n] = '\0';
}

void
ld_on_xml_error(void *arg, XML_ERROR *e)
{
	struct ld *ld = arg;
	char msg[sizeof(ld->err->msg)];
	if (!ld || !e || e->level < XML_ERR_ERROR)
		return;
	if (ld->fatal) {
		/* an encoding error comes first without a position */
		if (ld->err->line == 0 && e->line > 0) {
			ld->err->line = (uint32_t)e->line;
			ld->err->col = e->int2 > 0 ? (uint32_t)e->int2 : 0;
		}
		return;
	}
	if (ld->cut && ld->finishing)
		snprintf(msg, sizeof(msg), "%s",
			 _("invalid UTF-8: the file ends inside a character"));
	else if (ld->finishing && e->code == XML_ERR_DOCUMENT_END &&
		 ld->nframes > 1)
		/* libxml2 says "Extra content at the end of the document" */
		snprintf(msg, sizeof(msg), "%s", _("the file ends before the "
			 "document does (is it cut short?)"));
	else
		xml_message(e, msg, sizeof(msg));
	ld_fatal(ld, e->line > 0 ? (uint32_t)e->line : 0,
		  e->int2 > 0 ? (uint32_t)e->int2 : 0, "%s", msg);
}

void
ld_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}
