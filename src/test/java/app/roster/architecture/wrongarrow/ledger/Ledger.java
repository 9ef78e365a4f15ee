package app.roster.architecture.wrongarrow.ledger;

/** The module billing must not use. */
public class Ledger {

    public long balance() {
        return 0;
    }
}
