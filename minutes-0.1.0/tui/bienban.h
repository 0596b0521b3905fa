/* bienban.h - the minutes as the official printed biên bản (no curses).
 *
 * One standalone HTML5 document (UTF-8, one inline stylesheet, no
 * scripts, nothing fetched) laid out as NĐ 30/2020/NĐ-CP, Phụ lục III,
 * Mẫu 1.9: the two-column header (parent body, agency, Số on the left;
 * Quốc hiệu and tiêu ngữ on the right), BIÊN BẢN and the meeting's
 * name, time, place, attendance, chair and secretary, the content in
 * document order (sections I, II, III ..., items with their speakers,
 * figures, votes and tasks), the closing sentence, the signatures
 * (THƯ KÝ left, CHỦ TỌA right) and Nơi nhận.  Print CSS: A4 with the
 * decree's margins, Times New Roman or a metric-compatible font with
 * every Vietnamese letter, no page break between a heading and its first
 * item or inside the signature block.
 *
 * A part the file does not give (a v1 file has no agency, number, chair
 * ...) is a blank line for the clerk to fill in by hand, never invented.
 * The document is in the minutes' language (docwords.h) and every text
 * from the file goes through html.h. */
#ifndef MINUTES_BIENBAN_H
#define MINUTES_BIENBAN_H

#include <stdio.h>

#include "model.h"

void bienban_html(FILE *out, const struct minutes *m);

#endif
