package dev.duka.domain.port.in;

import dev.duka.domain.order.ShippingAddress;
import dev.duka.domain.user.Caller;
import java.util.Optional;

/** The caller's own account: read it, change the safe parts of it. */
public interface ProfileUseCase {

  UserView profile(Caller caller);

  /**
   * Applies the given changes only; name, phone and default address are the only fields a user may
   * change here.
   *
   * @throws dev.duka.domain.error.InvalidValueException for a bad name, phone or address
   */
  UserView updateProfile(Caller caller, ProfileChanges changes);

  /**
   * The fields a PATCH names. An absent field is unchanged; {@code clear…} removes the phone or
   * address.
   */
  final class ProfileChanges {
    private String fullName;
    private String phone;
    private boolean phoneGiven;
    private ShippingAddress address;
    private boolean addressGiven;

    public ProfileChanges fullName(String value) {
      this.fullName = value;
      return this;
    }

    /** A new phone; null or blank removes it. */
    public ProfileChanges phone(String value) {
      this.phone = value;
      this.phoneGiven = true;
      return this;
    }

    /** A new default address; null removes it. */
    public ProfileChanges defaultShippingAddress(ShippingAddress value) {
      this.address = value;
      this.addressGiven = true;
      return this;
    }

    public Optional<String> fullName() {
      return Optional.ofNullable(fullName);
    }

    public boolean phoneGiven() {
      return phoneGiven;
    }

    public Optional<String> phone() {
      return Optional.ofNullable(phone);
    }

    public boolean addressGiven() {
      return addressGiven;
    }

    public Optional<ShippingAddress> defaultShippingAddress() {
      return Optional.ofNullable(address);
    }
  }
}
