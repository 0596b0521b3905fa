/* commands.c - the : command line (see commands.h). */
#include <string.h>

#include "act_notes.h"
#include "actions.h"
#include "commands.h"
#include "doc.h"
#include "navigate.h"
#include "nls.h"
#include "wording.h"

void
commands_run(struct ui *ui, char *line)
{
	char *cmd = line, cut[256];
	while (*cmd == ' ')
		cmd++;
	char *arg = cmd + strcspn(cmd, " ");
	if (*arg)
		*arg++ = '\0';
	while (*arg == ' ')
		arg++;
	size_t al = strlen(arg);
	while (al && arg[al - 1] == ' ')
		arg[--al] = '\0';
	if (!strcmp(cmd, "q") || !strcmp(cmd, "quit") || !strcmp(cmd, "qa"))
		ui->b.quit = true;
	else if (!strcmp(cmd, "goto") && *arg)
		navigate_goto_id(&ui->b, arg);
	else if (!strcmp(cmd, "goto"))
		browser_message(&ui->b, true, "%s",
				_("Usage: :goto ID (an item, a section, an attendee or the meeting)"));
	else if (!strcmp(cmd, "attach") && !*arg)
		browser_message(&ui->b, true, "%s",
				_("Usage: :attach ID (attach the selected note to element ID)"));
	else if (!strcmp(cmd, "help"))
		ui->help = true;
	else if (!strcmp(cmd, "reload") && ui->b.doc)
		doc_reload(&ui->b, ui->b.doc);
	else if (!strcmp(cmd, "attach") && *arg) {
		if (actions_check(ui, NEED_NOTES))
			act_notes_attach(ui, arg);
	} else if (actions_by_name(cmd) >= 0)
		actions_run(ui, (enum action)actions_by_name(cmd));
	else if (*cmd)
		browser_message(&ui->b, true, _("Unknown command: %s"),
				wording_cut(cmd, cut, sizeof(cut)));
}
