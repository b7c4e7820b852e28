package dev.simstack.core.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks, line by line, that a {@code /**} comment comes right before (annotations aside) every public type
 * declaration and every public or protected method and constructor of the source files of one package, and
 * before every method of a public interface (implicitly public). ArchUnit reads class files, which hold no
 * comments, hence a source scan. Overrides ({@code @Override}) inherit their documentation, as the Javadoc tool
 * does; records' accessors are documented by the record's {@code @param} tags; fields and enum constants are
 * not checked. Method bodies (and the anonymous classes in them) are skipped.
 */
public final class JavadocScan {

    private static final Pattern TYPE = Pattern.compile("(^|\\s)(class|interface|enum|record|@interface)\\s+[A-Z]\\w*");
    private static final Pattern INTERFACE = Pattern.compile("(^|\\s)(@?interface)\\s+[A-Z]\\w*");
    private static final Pattern COMPACT_CONSTRUCTOR = Pattern.compile("^public\\s+[A-Z]\\w*\\s*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "^((public|protected|default|static|abstract|final|synchronized)\\s+)*(<[^>]+>\\s+)?[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\(");
    private static final Pattern ANNOTATIONS = Pattern.compile("^(@[\\w.]+(\\([^)]*\\))?\\s*)+");

    private JavadocScan() {
    }

    /** Fails naming every undocumented public declaration of the {@code .java} files directly in {@code dir}. */
    public static void assertDocumented(Path dir) throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java")).sorted().toList()) {
                missing.addAll(undocumented(file));
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError("public declarations without Javadoc (a /** comment right before them):\n  "
                    + String.join("\n  ", missing));
        }
    }

    /** {@code file:line: declaration} for each undocumented public declaration of {@code file}. */
    static List<String> undocumented(Path file) throws IOException {
        Scanner scanner = new Scanner(file.getFileName().toString());
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            scanner.line(i + 1, lines.get(i));
        }
        return scanner.missing;
    }

    /** What the scan knows between lines: comments and text blocks open, the scopes of open braces. */
    private static final class Scanner {
        private final String name;
        private final List<String> missing = new ArrayList<>();
        /** For each open brace: {@code type}, {@code interface} or {@code block} (bodies, initializers, lambdas). */
        private final Deque<String> scopes = new ArrayDeque<>();
        private boolean inComment;
        private boolean inJavadoc;
        private boolean inTextBlock;
        private boolean documented;
        private boolean overrides;
        private String pendingScope;

        Scanner(String name) {
            this.name = name;
        }

        void line(int number, String raw) {
            String code = code(raw).trim();
            java.util.regex.Matcher annotations = ANNOTATIONS.matcher(code);
            if (annotations.find()) {
                overrides |= annotations.group().contains("@Override");
                code = code.substring(annotations.end()).trim();
            }
            if (code.isEmpty()) {
                return; // blank, comment or annotation lines keep what came before
            }
            String scope = scopes.isEmpty() ? "type" : scopes.peek();
            boolean typeDeclaration = TYPE.matcher(code).find();
            if (!scope.equals("block")) {
                boolean visible = code.startsWith("public ") || code.startsWith("protected ")
                        || (scope.equals("interface") && !code.startsWith("private "));
                boolean declaration = typeDeclaration || COMPACT_CONSTRUCTOR.matcher(code).find()
                        || (METHOD.matcher(code).find() && !code.startsWith("return ") && !code.startsWith("new "));
                if (visible && declaration && !documented && !overrides) {
                    missing.add(name + ":" + number + ": " + code);
                }
            }
            if (typeDeclaration) {
                pendingScope = INTERFACE.matcher(code).find() ? "interface" : "type";
            }
            for (char c : code.toCharArray()) {
                if (c == '{') {
                    scopes.push(pendingScope != null && !scope.equals("block") ? pendingScope : "block");
                    pendingScope = null;
                } else if (c == '}' && !scopes.isEmpty()) {
                    scopes.pop();
                }
            }
            documented = false;
            overrides = false;
        }

        /** The line without comments, string and character literals (kept as empty quotes) and text blocks. */
        private String code(String raw) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (inComment) {
                    if (raw.startsWith("*/", i)) {
                        inComment = false;
                        documented |= inJavadoc;
                        inJavadoc = false;
                        i++;
                    }
                } else if (inTextBlock) {
                    if (raw.startsWith("\"\"\"", i)) {
                        inTextBlock = false;
                        i += 2;
                    }
                } else if (raw.startsWith("//", i)) {
                    break;
                } else if (raw.startsWith("/*", i)) {
                    inComment = true;
                    inJavadoc = raw.startsWith("/**", i) && !raw.startsWith("/**/", i);
                    i++;
                } else if (raw.startsWith("\"\"\"", i)) {
                    inTextBlock = true;
                    code.append("\"\"");
                    i += 2;
                } else if (c == '"' || c == '\'') {
                    int end = i + 1;
                    while (end < raw.length() && raw.charAt(end) != c) {
                        end += raw.charAt(end) == '\\' ? 2 : 1;
                    }
                    code.append(c).append(c);
                    i = end;
                } else {
                    code.append(c);
                }
            }
            return code.toString();
        }
    }
}
