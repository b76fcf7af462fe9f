/** The states and origins of a transfer request, where the DTOs import them; declared with its row in the repository. */
export { TRANSFER_ORIGINS, TRANSFER_STATUSES, type TransferOrigin, type TransferStatus } from './transfers.repository.js';
