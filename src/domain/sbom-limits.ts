/** ScanSbom takes at most this many components a request (AWS API reference, API_scan_ScanSbom). */
export const MAX_SBOM_COMPONENTS = 5_000
