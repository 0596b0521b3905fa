/* loader.c - being written */
