package app.roster.web;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A double-click, or a client that retries, sends several requests of one session at the same moment. Each
 * of them stores something new in the session (here the flash message of the profile form), so each one
 * inserts the same session attribute: the session store must take that, and a session ended meanwhile.
 */
@IntegrationTest
class ConcurrentSessionRequestsIT {

    private static final int ROUNDS = 4;
    private static final int AT_ONCE = 12;

    @LocalServerPort
    int port;
    @Autowired
    Registrations registrations;
    @Autowired
    SessionRepository<? extends Session> sessions;

    @Test
    void twoCopiesOfASessionMayBothAddTheSameAttribute() {
        twoCopiesAddTheSameAttribute(sessions);
    }

    @Test
    void anAttributeStoredInASessionThatWasEndedMeanwhileIsDropped() {
        writeToAnEndedSession(sessions);
    }

    private static <S extends Session> void twoCopiesAddTheSameAttribute(SessionRepository<S> repository) {
        S created = repository.createSession();
        repository.save(created);
        S first = repository.findById(created.getId());
        S second = repository.findById(created.getId());

        first.setAttribute("roster.test", "first");
        second.setAttribute("roster.test", "second");
        repository.save(first);
        repository.save(second);

        assertThat(repository.findById(created.getId()).<String>getAttribute("roster.test")).isEqualTo("second");
    }

    private static <S extends Session> void writeToAnEndedSession(SessionRepository<S> repository) {
        S created = repository.createSession();
        created.setAttribute("roster.kept", "yes");
        repository.save(created);
        S stale = repository.findById(created.getId());
        repository.deleteById(created.getId());

        stale.setAttribute("roster.test", "late");
        stale.setAttribute("roster.kept", "changed");
        repository.save(stale);
        stale.removeAttribute("roster.kept");
        repository.save(stale);

        assertThat(repository.findById(created.getId())).isNull();
    }

    @Test
    void requestsOfOneSessionAtTheSameMomentAllSucceed() throws Exception {
        Person jane = registrations.registerVerified("Jane");
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE)) {
            for (int round = 0; round < ROUNDS; round++) {
                // A fresh session each round: the flash attribute is new to it, so every request inserts it.
                Visitor visitor = new Visitor(port);
                visitor.login(jane.email(), jane.password());
                visitor.get("/profile");
                statuses.addAll(atOnce(threads, AT_ONCE, () -> visitor.post("/profile",
                        Map.of("firstName", "Jane", "lastName", "Tester", "language", "en")).status()));
                assertThat(visitor.open("/profile").text()).contains("Hello, Jane!");
            }
        }
        assertThat(statuses).hasSize(ROUNDS * AT_ONCE).containsOnly(302);
    }

    @Test
    void aRequestThatEndsTheSessionWhileOthersWriteToItBreaksNone() throws Exception {
        Person jane = registrations.registerVerified("Jane");
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE)) {
            for (int round = 0; round < ROUNDS; round++) {
                Visitor visitor = new Visitor(port);
                visitor.login(jane.email(), jane.password());
                visitor.get("/profile");
                int[] turn = {0};
                statuses.addAll(atOnce(threads, AT_ONCE, () -> {
                    boolean logout;
                    synchronized (turn) {
                        logout = turn[0]++ == AT_ONCE / 2;
                    }
                    return logout ? visitor.post("/logout", Map.of()).status()
                            : visitor.post("/profile", Map.of("firstName", "Jane", "lastName", "Tester",
                                    "language", "en")).status();
                }));
            }
        }
        // A request that arrives after the logout meets a login page or a stale CSRF token (403), never a 500.
        assertThat(statuses).hasSize(ROUNDS * AT_ONCE).allMatch(status -> status == 302 || status == 403);
    }

    private static List<Integer> atOnce(ExecutorService threads, int count, java.util.concurrent.Callable<Integer> request)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                return request.call();
            }));
        }
        ready.await();
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        return statuses;
    }
}
