package app.roster.shared;

/** An event the audit trail records, in the transaction of the change that published it. */
public interface AuditedEvent {

    /** The row to write, declared by the event in one expression. */
    Audit audit();
}
