package app.roster.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The account's details; every field but the name is optional. */
public record AccountProfile(String name, String companyName, String address1, String address2, String city,
        String region, String postcode, String country, String phone, String taxId) {

    public static AccountProfile named(String name) {
        return new AccountProfile(name, null, null, null, null, null, null, null, null, null);
    }

    /** The same details with this company name (blank means none). */
    public AccountProfile withCompany(String company) {
        return new AccountProfile(name, company == null || company.isBlank() ? null : company.strip(), address1,
                address2, city, region, postcode, country, phone, taxId);
    }

    Map<String, String> asMap() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("companyName", companyName);
        fields.put("address1", address1);
        fields.put("address2", address2);
        fields.put("city", city);
        fields.put("region", region);
        fields.put("postcode", postcode);
        fields.put("country", country);
        fields.put("phone", phone);
        fields.put("taxId", taxId);
        return fields;
    }

    /** "field: before -> after" for each changed field, for the audit trail. */
    Map<String, String> changesTo(AccountProfile after) {
        Map<String, String> before = asMap();
        Map<String, String> changes = new LinkedHashMap<>();
        after.asMap().forEach((field, value) -> {
            if (!Objects.equals(before.get(field), value)) {
                changes.put(field, Objects.toString(before.get(field), "") + " -> " + Objects.toString(value, ""));
            }
        });
        return changes;
    }
}
