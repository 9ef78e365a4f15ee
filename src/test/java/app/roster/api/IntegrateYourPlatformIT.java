package app.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.TestCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The README's "Integrate your platform" commands, run as written (a tiny shell reading of each {@code curl}
 * line: quotes, variables, -X, -H, -d) against the running application with a real key and real ids; each answer
 * matches the JSON the README shows after it.
 */
@IntegrationTest
class IntegrateYourPlatformIT {

    private static final Pattern BLOCK = Pattern.compile("```(sh|json)\\n(.*?)```", Pattern.DOTALL);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registrations registrations;
    @Autowired
    TestCredentials credentials;
    @Autowired
    MessageSource messages;

    /** One curl command of the README and the JSON shown after it (null when none is). */
    record Example(String command, String expected) {
    }

    @Test
    void theReadmesCallsWorkAsWritten() throws IOException {
        Person owner = registrations.registerVerified("Olga");
        long account = registrations.accountOf(owner);
        Person max = registrations.registerVerified("Max");
        jdbc.sql("INSERT INTO memberships (account_id, user_id, permissions, created_at) VALUES (?, ?, 'invoices,tickets', ?)")
                .params(account, max.id(), Timestamp.from(Instant.now())).update();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("ROSTER", "http://127.0.0.1:" + port);
        variables.put("ROSTER_API_KEY", credentials.keySecret("members:read"));
        variables.put("ACCOUNT_ID", String.valueOf(account));
        variables.put("USER_ID", String.valueOf(max.id()));

        List<Example> examples = examples();
        assertThat(examples).hasSize(3);
        for (Example example : examples) {
            ApiClient.Response response = run(example.command(), variables);
            assertThat(response.status()).as(example.command()).isEqualTo(200);
            if (example.expected() != null) {
                String expected = example.expected().replace("\"7\"", "\"" + account + "\"")
                        .replace("\"12\"", "\"" + max.id() + "\"");
                assertThat(response.json()).as(example.command()).isEqualTo(ApiClient.json(expected));
            }
        }
        JsonNode catalogue = run(examples.get(2).command(), variables).json();
        assertThat(catalogue.get("permissions").get(0).get("label").asString())
                .isEqualTo(messages.getMessage("permission.profile", null, Locale.FRENCH));
    }

    /** The curl commands of the section, each with the json block right after its own, if any. */
    private static List<Example> examples() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Integrate your platform");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<Example> examples = new ArrayList<>();
        Matcher blocks = BLOCK.matcher(section);
        int lastCommandBlockEnd = -1;
        while (blocks.find()) {
            boolean rightAfterCommands = lastCommandBlockEnd >= 0
                    && section.substring(lastCommandBlockEnd, blocks.start()).isBlank();
            if (blocks.group(1).equals("sh")) {
                lastCommandBlockEnd = blocks.end();
                for (String line : blocks.group(2).replace("\\\n", " ").split("\n")) {
                    if (line.strip().startsWith("curl ")) {
                        examples.add(new Example(line.strip(), null));
                    }
                }
            } else if (rightAfterCommands && !examples.isEmpty()) {
                Example last = examples.removeLast();
                examples.add(new Example(last.command(), blocks.group(2).strip()));
            }
        }
        return examples;
    }

    private ApiClient.Response run(String command, Map<String, String> variables) {
        List<String> words = words(command, variables);
        String method = null;
        String url = null;
        String body = null;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            switch (words.get(i)) {
                case "-s" -> { }
                case "-X" -> method = words.get(++i);
                case "-H" -> {
                    String[] header = words.get(++i).split(":\\s*", 2);
                    headers.put(header[0], header[1]);
                }
                case "-d" -> body = words.get(++i);
                default -> url = words.get(i);
            }
        }
        String path = url.substring(variables.get("ROSTER").length());
        return new ApiClient(port).send(method != null ? method : body != null ? "POST" : "GET", path, headers, body);
    }

    /** The words of a shell command: '…' taken literally, "…" and bare words with $NAME expanded. */
    static List<String> words(String command, Map<String, String> variables) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                continue;
            }
            word = word == null ? new StringBuilder() : word;
            if (c == quote) {
                quote = 0;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == '$' && quote != '\'') {
                int end = i + 1;
                while (end < command.length() && (Character.isLetterOrDigit(command.charAt(end)) || command.charAt(end) == '_')) {
                    end++;
                }
                String name = command.substring(i + 1, end);
                assertThat(variables).as("the README's commands use only known variables").containsKey(name);
                word.append(variables.get(name));
                i = end - 1;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
