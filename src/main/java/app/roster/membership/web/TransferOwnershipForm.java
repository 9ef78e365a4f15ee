package app.roster.membership.web;

/** "Make Owner": the owner confirms with their current password. */
public class TransferOwnershipForm {

    private String currentPassword;

    public String getCurrentPassword() { return currentPassword; }
    public void setCurrentPassword(String currentPassword) { this.currentPassword = currentPassword; }
}
