#!/usr/bin/env python3
"""Lists C++ function bodies in src/ longer than a limit (default 80 lines), by brace matching.

usage: tools/lint/function_lengths.py [--max N] [ROOT]   exit 1 if any is longer; prints file:line: name (N lines).
A definition is a line at namespace level whose text up to its opening brace has a parameter list; the body runs to
its matching closing brace (strings, characters and comments skipped). Good enough for this code base's style
(clang-format-like, one definition per line start); not a C++ parser.
"""
import pathlib
import re
import sys


def strip(code):
    """Code with string/char literals and comments blanked, newlines kept."""
    out, i, n = [], 0, len(code)
    while i < n:
        c = code[i]
        if code.startswith("//", i):
            j = code.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif code.startswith("/*", i):
            j = code.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", code[i:j])); i = j
        elif code.startswith('R"', i):
            m = re.match(r'R"([^(]*)\(', code[i:])
            end = code.find(")" + m.group(1) + '"', i) + len(m.group(1)) + 2
            out.append(re.sub(r"[^\n]", " ", code[i:end])); i = end
        elif c in "\"'":
            j = i + 1
            while j < n and code[j] != c:
                j += 2 if code[j] == "\\" else 1
            out.append(" " * (j + 1 - i)); i = j + 1
        else:
            out.append(c); i += 1
    return "".join(out)


def functions(path):
    code = strip(path.read_text())
    depth, scopes, start, head = 0, [], None, ""
    line = 1
    results = []
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        if c == "{":
            # Text since the last ; { or } decides what this brace opens.
            k = max(code.rfind(";", 0, i), code.rfind("{", 0, i), code.rfind("}", 0, i))
            head = code[k + 1:i]
            is_ns = re.search(r"\b(namespace|class|struct|enum|union|extern)\b[^()]*$", head) is not None
            in_function = any(s[0] == "fn" for s in scopes)
            if not in_function and not is_ns and "(" in head and not re.search(r"=\s*$", head.strip()):
                name = re.findall(r"([~\w:]+)\s*\(", head)
                scopes.append(("fn", line, name[0] if name else "?"))
            else:
                scopes.append(("ns" if not in_function else "block", line, ""))
        elif c == "}" and scopes:
            kind, begin, name = scopes.pop()
            if kind == "fn":
                results.append((begin, line - begin + 1, name))
    return results


def main(argv):
    limit = 80
    if len(argv) > 1 and argv[0] == "--max":
        limit, argv = int(argv[1]), argv[2:]
    root = pathlib.Path(argv[0] if argv else "src")
    long = []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".cpp", ".h"):
            for begin, lines, name in functions(path):
                if lines > limit:
                    long.append(f"{path}:{begin}: {name} ({lines} lines)")
    print("\n".join(long))
    print(f"{len(long)} functions over {limit} lines under {root}")
    return 1 if long else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
