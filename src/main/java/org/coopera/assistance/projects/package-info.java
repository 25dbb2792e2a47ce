/**
 * Needs assessments and projects of the assistance module: a project answers a request the State
 * submitted and a provider accepted, after an agreed assessment or the State's waiver; its
 * activities, results framework and evaluations; who sees it; and its IATI 2.03 export.
 */
package org.coopera.assistance.projects;
