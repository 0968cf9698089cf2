package org.racetoplace.assessment.provider;

import org.racetoplace.assessment.RecordedResult;

/**
 * A provider's result as its webhook carried it, checked: which application, the provider's own
 * id of the sitting (for support, may be null), and the result as every source records it.
 */
record ProviderResult(String applicationReference, String providerAssessmentId, RecordedResult result) {}
