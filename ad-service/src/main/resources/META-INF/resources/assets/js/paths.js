// Every REST path the pages call, in one place.
export const P = {
  creativeRules: '/api/v1/creative-rules',
  campaigns: (q = '') => `/api/v1/campaigns${q}`,
  campaign: (id) => `/api/v1/campaigns/${id}`,
  campaignAction: (id, action) => `/api/v1/campaigns/${id}/${action}`,
  adSets: (campaignId) => `/api/v1/campaigns/${campaignId}/ad-sets`,
  adSet: (id) => `/api/v1/ad-sets/${id}`,
  creatives: (campaignId) => `/api/v1/campaigns/${campaignId}/creatives`,
  creative: (id) => `/api/v1/creatives/${id}`,
  creativeAction: (id, action) => `/api/v1/creatives/${id}/${action}`,
  performance: (id, q) => `/api/v1/campaigns/${id}/performance${q}`,
  performanceCsv: (id, q) => `/api/v1/campaigns/${id}/performance.csv${q}`,
  performanceSummary: (ids) => `/api/v1/performance/summary?${ids.map((i) => `campaignId=${i}`).join('&')}`,
  studio: (campaignId) => `/api/v1/campaigns/${campaignId}/studio/generations`,
  experiments: (q = '') => `/api/v1/experiments${q}`,
  experiment: (id) => `/api/v1/experiments/${id}`,
  experimentAction: (id, action) => `/api/v1/experiments/${id}/${action}`,
  experimentResults: (id) => `/api/v1/experiments/${id}/results`,
  experimentDecisions: (id) => `/api/v1/experiments/${id}/decisions`,
};

