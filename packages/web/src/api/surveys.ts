import { type CreateSurvey, type SurveyResponseInput, surveyOperations } from '@wijkregie/shared';
import { call } from './call.ts';

/** The neighbourhood survey: the regisseur's side and the residents' (no login). One line per operation. */
export const surveyApi = {
  listSurveys: (signal?: AbortSignal) => call(surveyOperations.listSurveys, {}, { signal }),
  getSurvey: (id: string, signal?: AbortSignal) =>
    call(surveyOperations.getSurvey, { params: { id } }, { signal }),
  createSurvey: (input: CreateSurvey) => call(surveyOperations.createSurvey, { body: input }),
  getResults: (id: string, signal?: AbortSignal) =>
    call(surveyOperations.getSurveyResults, { params: { id } }, { signal }),
  listContacts: (id: string, signal?: AbortSignal) =>
    call(surveyOperations.listSurveyContacts, { params: { id } }, { signal }),
  publicSurvey: (publicCode: string, signal?: AbortSignal) =>
    call(surveyOperations.getPublicSurvey, { params: { publicCode } }, { signal }),
  respond: (publicCode: string, input: SurveyResponseInput) =>
    call(surveyOperations.createSurveyResponse, { params: { publicCode }, body: input }),
};
