// http frontend lands with issue 3
