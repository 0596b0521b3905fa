/* docwords.h - the wording of documents (no curses, no gettext).
 *
 * A document made from minutes (the printed biên bản, the review
 * report) is written in the language of the minutes, whatever the
 * locale of whoever runs the command: the labels of the official form
 * (NĐ 30/2020/NĐ-CP, Mẫu 1.9), dates as documents write them ("ngày 05
 * tháng 02 năm 2025": days below 10 and the months 1 and 2 with a
 * leading zero), times ("10 giờ 45"), section numbers in Roman
 * numerals, vote tallies and results.  Every output that writes such a
 * document takes its words from here, so they cannot drift apart.
 *
 * (The interface's own wording, in the user's language through gettext,
 * is wording.h.)
 *
 * Vietnamese is the language of the form; minutes whose xml:lang is
 * English ("en", "en-GB" ...) get English labels, every other language
 * the Vietnamese ones. */
#ifndef MINUTES_DOCWORDS_H
#define MINUTES_DOCWORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum docw_lang { DOCW_VI, DOCW_EN };

/* The labels: X(NAME, Vietnamese, English). */
#define DOCW_LABELS(X)                                                        \
	X(QUOC_HIEU, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",                    \
	  "SOCIALIST REPUBLIC OF VIETNAM")                                    \
	X(TIEU_NGU, "Độc lập - Tự do - Hạnh phúc",                            \
	  "Independence - Freedom - Happiness")                               \
	X(NUMBER, "Số:", "No.:")                                              \
	X(BIEN_BAN, "BIÊN BẢN", "MINUTES")                                    \
	X(DRAFT_MARK, "DỰ THẢO", "DRAFT")                                     \
	X(TITLE_PREFIX, "Biên bản", "Minutes")                                \
	X(START, "Thời gian bắt đầu", "Start")                                \
	X(PLACE, "Địa điểm", "Place")                                         \
	X(ATTENDANCE, "Thành phần tham dự", "Attendance")                     \
	X(EXCUSED, "Vắng có lý do", "Excused")                                \
	X(ABSENT, "Vắng", "Absent")                                           \
	X(COUNTS, "Số lượng", "Numbers")                                      \
	X(N_EXPECTED, "triệu tập", "summoned")                                \
	X(N_PRESENT, "có mặt", "present")                                     \
	X(N_EXCUSED, "vắng có lý do", "excused")                              \
	X(N_ABSENT, "vắng", "absent")                                         \
	X(PERSONS, "người", "persons")                                        \
	X(CHAIR, "Chủ trì (chủ tọa)", "Chair")                                \
	X(SECRETARY, "Thư ký (người ghi biên bản)", "Secretary (minute taker)") \
	X(CONTENT, "Nội dung (theo diễn biến cuộc họp)",                      \
	  "Proceedings (in the order of the meeting)")                        \
	X(CLOSING, "Cuộc họp kết thúc vào", "The meeting ended at")           \
	X(SIGN_SECRETARY, "THƯ KÝ", "SECRETARY")                              \
	X(SIGN_CHAIR, "CHỦ TỌA", "CHAIR")                                     \
	X(SIGNATURE_HINT, "(Chữ ký)", "(Signature)")                          \
	X(REFUSED, "Không ký biên bản", "Refused to sign")                    \
	X(RECIPIENTS, "Nơi nhận:", "Recipients:")                             \
	X(FILED, "- Lưu: VT, Hồ sơ.", "- Filed: Records, File.")              \
	X(TARGET, "Chỉ tiêu", "Target")                                       \
	X(ACTUAL, "thực hiện", "actual")                                      \
	X(MET, "đạt", "met")                                                  \
	X(MISSED, "không đạt", "missed")                                      \
	X(UNKNOWN, "chưa có số liệu", "no figure yet")                        \
	X(VOTE, "Biểu quyết", "Vote")                                         \
	X(METHOD, "hình thức", "method")                                      \
	X(FOR, "Tán thành", "For")                                            \
	X(AGAINST, "Không tán thành", "Against")                              \
	X(ABSTAIN, "Không có ý kiến", "Abstained")                            \
	X(INVALID, "Phiếu không hợp lệ", "Invalid ballots")                   \
	X(RESULT, "Kết quả", "Result")                                        \
	X(ADOPTED, "thông qua", "adopted")                                    \
	X(REJECTED, "không thông qua", "rejected")                            \
	X(RATIO_OF_PRESENT, "số người có mặt", "of those present")          \
	X(METHOD_HANDS, "giơ tay", "show of hands")                           \
	X(METHOD_BALLOT, "bỏ phiếu kín", "secret ballot")                     \
	X(TASK, "Giao nhiệm vụ", "Task")                                      \
	X(ASSIGNEE, "người thực hiện", "assigned to")                         \
	X(DUE, "thời hạn", "due")                                             \
	/* the review report */                                               \
	X(REVIEW_TITLE, "BẢN TỔNG HỢP Ý KIẾN", "SUMMARY OF COMMENTS")         \
	X(REVIEW_ON, "Góp ý về biên bản", "Comments on the minutes")      \
	X(REVIEW_SUMMARY, "Tổng hợp theo cuộc họp", "By meeting")          \
	X(MINUTES, "Biên bản", "Minutes")                                     \
	X(MEETINGS, "Số cuộc họp", "Meetings")                                \
	X(REVIEWERS, "Người góp ý", "Reviewers")                              \
	X(COL_NO, "STT", "No.")                                               \
	X(COL_PART, "Phần được góp ý", "Part concerned")                      \
	X(COL_QUOTE, "Trích dẫn", "Quote")                                    \
	X(COL_NOTE, "Nội dung góp ý", "Comment")                              \
	X(COL_KIND, "Loại", "Kind")                                           \
	X(COL_WHO, "Người góp ý, thời gian", "Reviewer, time")                \
	X(COL_ANSWER, "Giải trình, tiếp thu", "Answer")                       \
	X(COL_MEETING, "Cuộc họp", "Meeting")                                 \
	X(COL_FILE, "Tệp", "File")                                            \
	X(COL_NOTES, "Số ý kiến", "Notes")                                    \
	X(COL_OPEN, "Chưa xử lý", "Open")                                     \
	X(TOTAL, "Tổng cộng", "Total")                                        \
	X(MEETING, "Cuộc họp", "Meeting")                                     \
	X(ATTENDEE, "Thành phần tham dự", "Attendee")                         \
	X(SECTION, "Phần", "Section")                                         \
	X(ITEM, "mục", "item")                                                \
	X(LINE, "dòng", "line")                                               \
	X(ORPHAN, "Phần không còn trong biên bản", "No longer in the minutes") \
	X(CHANGED, "Văn bản đã thay đổi sau góp ý", "The text changed since this note") \
	X(NO_NOTES, "Chưa có ý kiến nào.", "No notes yet.")                   \
	X(STATUS_DRAFT, "dự thảo", "draft")                                   \
	X(STATUS_FINAL, "hoàn chỉnh", "final")                                \
	X(STATUS_APPROVED, "đã thông qua", "approved")                        \
	X(KIND_COMMENT, "nhận xét", "comment")                                \
	X(KIND_QUESTION, "câu hỏi", "question")                               \
	X(KIND_CORRECTION, "đề nghị sửa", "correction")                       \
	X(KIND_AGREED, "nhất trí", "agreed")                                  \
	X(OPEN, "chưa xử lý", "open")                                         \
	X(RESOLVED, "đã xử lý", "resolved")                                   \
	X(BY, "bởi", "by")                                                    \
	X(UNVERIFIED, "chưa xác thực", "unverified")                          \
	X(FUTURE, "ghi ngày trong tương lai", "dated in the future")          \
	X(DISP_ACCEPTED, "Tiếp thu", "Accepted")                              \
	X(DISP_EXPLAINED, "Giải trình", "Explained")                          \
	X(DISP_DECLINED, "Không tiếp thu", "Not accepted")                    \
	X(STATE, "Tình trạng", "State")                                       \
	X(STATE_NONE, "chưa có ý kiến", "no notes")                           \
	X(STATE_OPEN, "còn ý kiến chưa được trả lời", "notes wait for an answer") \
	X(STATE_ANSWERED, "mọi ý kiến đã được trả lời hoặc xử lý",           \
	  "every note answered or resolved")                                  \
	X(STATE_SIGNED, "đã ký duyệt nhưng có thay đổi sau đó",               \
	  "signed off, changed since")                                        \
	X(STATE_READY, "sẵn sàng trình ký", "ready to sign")                  \
	X(SIGNOFFS, "Ký duyệt", "Signed off")                                 \
	X(WITHDRAWN, "đã rút", "withdrawn")

enum docw_label {
#define DOCW_ENUM(name, vi, en) DOCW_##name,
	DOCW_LABELS(DOCW_ENUM)
#undef DOCW_ENUM
	DOCW_NLABELS
};

/* The language of minutes whose xml:lang is LANG (NULL or "": vi). */
enum docw_lang docw_lang_of(const char *lang);
/* The language tag a document declares: LANG when it is a well-formed
 * tag (letters, digits, '-'; 2 to 35 characters), else "vi". */
const char *docw_lang_tag(const char *lang);

const char *docw_label(enum docw_lang lang, enum docw_label l);

/* Section numbers as biên bản write them: 1 -> "I", 4 -> "IV" ... up
 * to 3999; other numbers in digits.  BUF holds at least 16 bytes. */
const char *docw_roman(uint32_t n, char *buf, size_t size);

/* "2025-06-27" -> "ngày 27 tháng 6 năm 2025" ("27 June 2025"); days
 * below 10 and the months 1 and 2 take a leading zero in Vietnamese.
 * False (BUF "") when DATE is not YYYY-MM-DD. */
bool docw_date(enum docw_lang lang, const char *date, char *buf,
	       size_t size);
/* "10:45" -> "10 giờ 45" ("10:45"); "08:05" -> "08 giờ 05".
 * False (BUF "") when TIME is not HH:MM. */
bool docw_time(enum docw_lang lang, const char *time, char *buf,
	       size_t size);
/* A moment in local time, as the review report shows who wrote when:
 * "17 giờ 15 ngày 28/11/2026 (UTC+07:00)" in Vietnamese, the time the
 * way documents write it ("2026-11-28 17:15 (UTC+07:00)" in English). */
void docw_stamp(enum docw_lang lang, time_t t, char *buf, size_t size);
/* A decimal number as written (decimal.h), with the language's decimal
 * mark: "96.4" stays "96.4" in English and becomes "96,4" in Vietnamese;
 * what is not an xsd:decimal is kept as it is.  malloc'd. */
char *docw_decimal(enum docw_lang lang, const char *number);

/* NUM out of DEN as a percentage with two decimals, rounded half up,
 * with the language's decimal mark: 7 of 8 -> "87,50%".  DEN 0: "". */
void docw_percent(enum docw_lang lang, uint32_t num, uint32_t den, char *buf,
		  size_t size);

/* NAME without the academic titles in front of it ("TS.", "PGS.TS.",
 * "ThS." ...): a signer's name is written bare.  Points into NAME. */
const char *docw_bare_name(const char *name);

#endif
