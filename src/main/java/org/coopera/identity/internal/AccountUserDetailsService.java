package org.coopera.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads an account and its roles for sign-in. */
@Service
class AccountUserDetailsService implements UserDetailsService {

  private final AccountRepository accounts;

  AccountUserDetailsService(AccountRepository accounts) {
    this.accounts = accounts;
  }

  @Override
  @Transactional(readOnly = true)
  public UserDetails loadUserByUsername(String email) {
    return accounts
        .findByEmailWithRoles(email == null ? "" : email.strip())
        .filter(account -> account.passwordHash() != null)
        .map(Account::toUser)
        .orElseThrow(() -> new UsernameNotFoundException("No such account"));
  }
}
