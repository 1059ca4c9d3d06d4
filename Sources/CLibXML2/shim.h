#ifndef READINGLIST_CLIBXML2_SHIM_H
#define READINGLIST_CLIBXML2_SHIM_H

// Debian builds libxml2 with ICU, so <libxml/encoding.h> (included by the parser headers)
// includes the system's <unicode/ucnv.h>, whose types clash with the ICU copy inside
// Foundation. Nothing here uses libxml2's ICU support, so it is hidden from Swift.
#include <libxml/xmlversion.h>
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
// xmlSwitchEncoding, to read a file as UTF-8 whatever charset it declares.
#include <libxml/parserInternals.h>

#endif
