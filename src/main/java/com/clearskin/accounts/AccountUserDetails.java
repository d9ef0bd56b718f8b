package com.clearskin.accounts;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Looks people up by email for password sign-in, and stores a stronger hash of the password when a
 * sign-in finds it hashed with an older scheme or a lower cost (Spring Security asks after a right password).
 */
@Component
class AccountUserDetails implements UserDetailsService, UserDetailsPasswordService {

    private final JdbcClient jdbc;

    AccountUserDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        return jdbc.sql("select id, email, display_name, password_hash from app_user where lower(email) = lower(:email)")
                .param("email", email == null ? "" : email.strip())
                .query((rs, n) -> new SignedInUser(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("password_hash")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        SignedInUser signedIn = (SignedInUser) user;
        jdbc.sql("update app_user set password_hash = :hash where id = :id")
                .param("hash", newPasswordHash).param("id", signedIn.id()).update();
        return new SignedInUser(signedIn.id(), signedIn.email(), signedIn.displayName(), newPasswordHash);
    }
}
