export { emptyProfiles, presentBusinessProfile, presentTechnicalProfile } from './profiles.presenter.ts';
export { profilesRoutes } from './profiles.routes.ts';
export { clearContactLinks, createEmptyProfiles, createProfilesService } from './profiles.service.ts';
export { type BusinessProfileRow, profilesStore, type TechnicalProfileRow } from './profiles.store.ts';
