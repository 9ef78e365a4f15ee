package app.roster.architecture.wrongarrow.billing;

import app.roster.architecture.wrongarrow.ledger.Ledger;

/** The wrong arrow: billing uses ledger although its package-info allows no dependency at all. */
public class Invoices {

    private final Ledger ledger;

    Invoices(Ledger ledger) {
        this.ledger = ledger;
    }

    long total() {
        return ledger.balance();
    }
}
