package app.roster.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Locale;

/**
 * An account's details as typed in a form, by a user (Client Area) or staff (Admin Area); converts itself to
 * and from {@link AccountProfile}. It lives in the module's API so that both areas bind the same fields with
 * the same limits.
 */
public class AccountProfileForm {

    /** No control, bidi or zero-width characters in any field. */
    static final String PRINTABLE = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]*";

    @NotBlank @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String name;
    @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String companyName;
    @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String address1;
    @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String address2;
    @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String city;
    @Size(max = 100) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String region;
    @Size(max = 20) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String postcode;
    @IsoCountry
    private String country;
    @Size(max = 40) @Pattern(regexp = "[0-9+().\\s-]*", message = "{account.phone.invalid}")
    private String phone;
    @Size(max = 60) @Pattern(regexp = PRINTABLE, message = "{field.printable}")
    private String taxId;

    public static AccountProfileForm of(AccountProfile p) {
        AccountProfileForm form = new AccountProfileForm();
        form.name = p.name();
        form.companyName = p.companyName();
        form.address1 = p.address1();
        form.address2 = p.address2();
        form.city = p.city();
        form.region = p.region();
        form.postcode = p.postcode();
        form.country = p.country();
        form.phone = p.phone();
        form.taxId = p.taxId();
        return form;
    }

    public AccountProfile toProfile() {
        return new AccountProfile(clean(name), clean(companyName), clean(address1), clean(address2), clean(city),
                clean(region), clean(postcode), country == null || country.isBlank() ? null
                        : country.strip().toUpperCase(Locale.ROOT),
                clean(phone), clean(taxId));
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getCompanyName() { return companyName; }
    public void setCompanyName(String companyName) { this.companyName = companyName; }
    public String getAddress1() { return address1; }
    public void setAddress1(String address1) { this.address1 = address1; }
    public String getAddress2() { return address2; }
    public void setAddress2(String address2) { this.address2 = address2; }
    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getPostcode() { return postcode; }
    public void setPostcode(String postcode) { this.postcode = postcode; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
}
