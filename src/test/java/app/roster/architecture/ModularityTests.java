package app.roster.architecture;

import app.roster.RosterApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature modules depend on each other only through their root packages, and without cycles. */
class ModularityTests {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(RosterApplication.class).verify();
    }
}
