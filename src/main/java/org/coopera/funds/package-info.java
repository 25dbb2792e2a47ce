/**
 * Voluntary funds and other funding lines: pledges, contributions in any currency kept in US
 * dollars, allocations to assistance projects, disbursements and expenditures, with balances that
 * never go negative and money that is never created or lost.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funds")
package org.coopera.funds;
