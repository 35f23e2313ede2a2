package io.aio4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The snippets of the README and of {@code docs/*.md} that follow a
 * {@code <!-- extract of path -->} comment are extracts of that file: each of their lines is a
 * line of it, indentation aside, in the same order. The file compiles and a test runs it, so those
 * snippets cannot drift from working code. The README's links to documents lead to files.
 */
class ReadmeSnippetsTest {
    /** Surefire runs in the module's directory; the README and the paths it names are the root's. */
    private static final Path ROOT = Path.of("..");
    private static final Pattern EXTRACT = Pattern.compile("<!-- extract of (\\S+) -->\\n```java\\n(.*?)\\n```",
            Pattern.DOTALL);

    @Test
    void everyMarkedSnippetIsAnExtractOfItsFile() throws IOException {
        assertThat(checkExtracts("README.md")).as("README snippets marked as extracts").isGreaterThanOrEqualTo(4);
        assertThat(checkExtracts("docs/networking.md")).as("docs/networking.md extracts").isGreaterThanOrEqualTo(3);
        assertThat(checkExtracts("docs/http.md")).as("docs/http.md extracts").isGreaterThanOrEqualTo(1);
    }

    @Test
    void theReadmesLinksToDocsLeadToFiles() throws IOException {
        Matcher m = Pattern.compile("\\]\\(((?:docs/)?[A-Za-z-]+\\.md)\\)").matcher(Files.readString(ROOT.resolve("README.md")));
        int links = 0;
        while (m.find()) {
            links++;
            assertThat(ROOT.resolve(m.group(1))).as("README links " + m.group(1)).isRegularFile();
        }
        assertThat(links).isGreaterThanOrEqualTo(3);
    }

    /** Checks the marked snippets of one document; returns how many there are. */
    private static int checkExtracts(String document) throws IOException {
        Matcher m = EXTRACT.matcher(Files.readString(ROOT.resolve(document)));
        int snippets = 0;
        while (m.find()) {
            snippets++;
            List<String> source = Files.readAllLines(ROOT.resolve(m.group(1)));
            assertThat(firstLineNotInOrder(List.of(m.group(2).split("\n")), source))
                    .as("a line of %s snippet %d that %s lacks (or has earlier)", document, snippets, m.group(1))
                    .isEmpty();
        }
        return snippets;
    }

    @Test
    void aChangedOrMovedLineIsCaught() {
        List<String> source = List.of("    int a = 1;", "    // kept out of the README", "    int b = 2;");
        assertThat(firstLineNotInOrder(List.of("int a = 1;", "", "int b = 2;"), source)).isEmpty();
        assertThat(firstLineNotInOrder(List.of("int a = 1;", "int b = 3;"), source)).contains("int b = 3;");
        assertThat(firstLineNotInOrder(List.of("int b = 2;", "int a = 1;"), source)).contains("int a = 1;");
    }

    /** The first non-blank snippet line not found, stripped, after the previous one's match. */
    private static Optional<String> firstLineNotInOrder(List<String> snippet, List<String> source) {
        List<String> lines = source.stream().map(String::strip).toList();
        int from = 0;
        for (String line : snippet) {
            String want = line.strip();
            if (want.isEmpty()) {
                continue;
            }
            int at = lines.subList(from, lines.size()).indexOf(want);
            if (at < 0) {
                return Optional.of(want);
            }
            from += at + 1;
        }
        return Optional.empty();
    }
}
