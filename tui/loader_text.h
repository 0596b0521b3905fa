/* loader_text.h - the model's strings and the texts being built (loader_text.c),
 * private to the loader. */
#ifndef MINUTES_LOADER_TEXT_H
#define MINUTES_LOADER_TEXT_H

#include "loader_state.h"

void *
ld_pool_alloc(struct ld *ld, size_t size, size_t align);
const char *
ld_pool_strndup(struct ld *ld, const char *s, size_t len);
const char *
ld_nfc_str(struct ld *ld, const char *s, size_t len);
const char *
ld_token_str(struct ld *ld, const char *v);
const char *
ld_token_tmp(struct ld *ld, const char *v);
void *
ld_to_arena(struct ld *ld, const void *p, size_t size);
void
ld_text_begin(struct ld *ld);
void
ld_text_flush(struct ld *ld);
void
ld_para_begin(struct ld *ld);
void
ld_check_mojibake(struct ld *ld, const struct frame *f, const char *s,
	       size_t len);
const char *
ld_text_end(struct ld *ld, const struct frame *f);
void
ld_item_inline(struct ld *ld, uint32_t line, uint32_t col);

#endif
