import { u } from '@acme/platform/utils';
import { h } from "@acme/platform/http";
