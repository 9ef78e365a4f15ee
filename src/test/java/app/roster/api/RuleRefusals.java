package app.roster.api;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;

/** What a 422 {@code rule-refused} problem must say: the rule's message key and the one field at fault. */
public final class RuleRefusals {

    private RuleRefusals() {
    }

    public static void assertRefusedOn(ApiClient.Response response, String code, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:roster:problem:rule-refused");
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank().isNotEqualTo(code);
        assertThat(problem.get("errors").size()).as(response.body()).isOne();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("detail").asString()).isEqualTo(problem.get("detail").asString());
    }
}
