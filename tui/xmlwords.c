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
		if (strncmp(msg, "xmlParseCharRef", 15) == 0)
			snprintf(buf, size, _("character reference to U+%04X, not allowed in XML"),
				 (unsigned)e->int1);
		else if (strncmp(msg, "xmlParseComment", 15) == 0 && e->int1 == 0)
			snprintf(buf, size, "%s", _("NUL byte (not allowed in XML)"));
		else if (strncmp(msg, "xmlParseComment", 15) == 0)
			snprintf(buf, size, _("character U+%04X not allowed in XML"),
				 (unsigned)e->int1);
		else if (strncmp(msg, "invalid character in attribute value", 36) == 0)
			snprintf(buf, size, "%s", _("invalid character in attribute value"));
		else
			return false;
		return true;
	case XML_ERR_COMMENT_NOT_FINISHED:
		/* libxml2 quotes the comment's start after its words */
		if (strncmp(msg, "Comment not terminated", 22) != 0)
			return false;
		snprintf(buf, size, "%s%s", _("Comment not terminated"), msg + 22);
		return true;
	case XML_ERR_RESERVED_XML_NAME:
		if (strncmp(msg, "XML declaration allowed only", 28) != 0)
			return false;
		snprintf(buf, size, "%s",
			 _("XML declaration allowed only at the start of the document"));
		return true;
	case XML_ERR_UNSUPPORTED_ENCODING:
		if (!*s1)
			return false;
		snprintf(buf, size, _("Unsupported encoding %s"), s1);
		return true;
	case XML_WAR_UNKNOWN_VERSION:
	case XML_ERR_UNKNOWN_VERSION:
		if (!*s1)
			return false;
		snprintf(buf, size, _("Unsupported version '%s'"), s1);
		return true;
	default:
		return false;
	}
}
