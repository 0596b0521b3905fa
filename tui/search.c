/* search.c - being written */
