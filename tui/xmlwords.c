/* xmlwords.c - libxml2's common errors in our own words (see
 * xmlwords.h). */
#include <stdio.h>
#include <string.h>

#include "nls.h"
#include "xmlwords.h"

bool
xmlwords_say(const xmlError *e, char *buf, size_t size)
{
	const char *s1 = e->str1 ? e->str1 : "", *s2 = e->str2 ? e->str2 : "";
	const char *msg = e->message ? e->message : "";

	switch (e->code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		snprintf(buf, size, _("Opening and ending tag mismatch: %s line %d and %s"),
			 s1, e->int1, s2);
		return true;
	case XML_ERR_TAG_NOT_FINISHED:
		snprintf(buf, size, _("Premature end of data in tag %s line %d"),
			 s1, e->int1);
		return true;
	case XML_ERR_DOCUMENT_END:
		snprintf(buf, size, "%s", _("Extra content at the end of the document"));
		return true;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		snprintf(buf, size, _("Entity '%s' not defined (only &amp; &lt; &gt; "
			 "&quot; &apos; and character references are allowed)"), s1);
		return true;
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		snprintf(buf, size, "%s", _("EntityRef: expecting ';' (write a bare & as &amp;)"));
		return true;
	case XML_ERR_NAME_REQUIRED:
		if (strncmp(msg, "xmlParseEntityRef", 17) == 0)
			snprintf(buf, size, "%s", _("unescaped '&' (write it as &amp;)"));
		else if (strncmp(msg, "StartTag", 8) == 0)
			snprintf(buf, size, "%s", _("invalid element name after '<'"));
		else
			return false;
		return true;
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		snprintf(buf, size, _("attribute %s has no value"), s1);
		return true;
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
		snprintf(buf, size, "%s", _("attribute value without quotes (\" or ' expected)"));
		return true;
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
		snprintf(buf, size, "%s", _("attribute value not closed (its quote expected)"));
		return true;
	case XML_ERR_LT_IN_ATTRIBUTE:
		snprintf(buf, size, "%s", _("Unescaped '<' not allowed in attribute values"));
		return true;
	case XML_ERR_ATTRIBUTE_REDEFINED:
		snprintf(buf, size, _("Attribute %s redefined"), s1);
		return true;
	case XML_ERR_SPACE_REQUIRED:
		if (strncmp(msg, "attributes construct error", 26) != 0)
			return false;
		snprintf(buf, size, "%s", _("attributes construct error"));
		return true;
	case XML_ERR_GT_REQUIRED:
		if (*s1)
			snprintf(buf, size, _("Couldn't find end of Start Tag %s line %d"),
				 s1, e->int1);
		else
			snprintf(buf, size, "%s", _("expected '>'"));
		return true;
	case XML_ERR_INVALID_CHAR:
		if (strncmp(msg, "xmlParseCharRef", 15) != 0)
			return false;
		snprintf(buf, size, _("character reference to U+%04X, not allowed in XML"),
			 (unsigned)e->int1);
		return true;
	default:
		return false;
	}
}
