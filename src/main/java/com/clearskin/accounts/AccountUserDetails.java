package com.clearskin.accounts;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks people up by email for password sign-in. */
@Component
class AccountUserDetails implements UserDetailsService {

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
}
