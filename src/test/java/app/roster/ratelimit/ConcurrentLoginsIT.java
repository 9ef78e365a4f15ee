package app.roster.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.roster.support.IntegrationTest;
import app.roster.support.Registrations;
import app.roster.support.Registrations.Person;
import app.roster.support.Visitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Wrong passwords sent all at once for one address: the limit holds however many arrive together. */
@IntegrationTest
class ConcurrentLoginsIT {

    private static final int LIMIT_PER_ADDRESS = 10;
    private static final int ATTEMPTS = 30;

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;

    @Test
    void thirtySimultaneousWrongPasswordsGetAtMostTheLimitEvaluated() throws Exception {
        Person jane = registrations.registerVerified("Jane");
        List<Visitor> attackers = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS; i++) {
            Visitor attacker = new Visitor(port);
            attacker.get("/login");
            attackers.add(attacker);
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(ATTEMPTS)) {
            for (int i = 0; i < ATTEMPTS; i++) {
                Visitor attacker = attackers.get(i);
                String guess = "wrong-guess-" + i + "-xxxxxx";
                answers.add(threads.submit(() -> {
                    start.await();
                    return attacker.post("/login", Map.of("email", jane.email(), "password", guess)).location();
                }));
            }
            start.countDown();
            List<String> locations = new ArrayList<>();
            for (Future<String> answer : answers) {
                locations.add(answer.get());
            }
            Map<String, Long> byAnswer = locations.stream()
                    .collect(Collectors.groupingBy(l -> l.substring(l.indexOf("/login")), Collectors.counting()));
            System.out.println("Concurrent wrong passwords, answers: " + byAnswer);

            assertThat(byAnswer.getOrDefault("/login?error", 0L)).isLessThanOrEqualTo(LIMIT_PER_ADDRESS);
            assertThat(byAnswer.getOrDefault("/login?error", 0L) + byAnswer.getOrDefault("/login?locked", 0L))
                    .isEqualTo(ATTEMPTS);
        }
        Visitor jane2 = new Visitor(port);
        jane2.get("/login");
        assertThat(jane2.post("/login", Map.of("email", jane.email(), "password", jane.password())).location())
                .endsWith("/login?locked");
    }
}
