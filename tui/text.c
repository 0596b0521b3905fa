/* text.c - being written */
